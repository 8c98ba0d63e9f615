package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.UInt;

/** Small utilities with SpinalHDL's names, for {@code import static org.edgemoe.hdl.lib.Utils.*}. */
public final class Utils {
    private Utils() { }

    /** {@code x} delayed by {@code n} clocks through a chain of registers without reset ({@code n = 0}: x). */
    public static <T extends Data> T Delay(T x, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Delay of " + n + " cycles");
        }
        T r = x;
        for (int i = 0; i < n; i++) {
            r = regNext(r);
        }
        return r;
    }

    /** High for one cycle when {@code b} goes from low to high (compared with its registered value, reset low). */
    public static Bool risingEdge(Bool b) {
        Bool last = reg(Bool()).init(false);
        last.set(b);
        return b.and(last.not());
    }

    /** High for one cycle when {@code b} goes from high to low (compared with its registered value, reset low). */
    public static Bool fallingEdge(Bool b) {
        Bool last = reg(Bool()).init(false);
        last.set(b);
        return b.not().and(last);
    }

    /** Index of the set bit of a one-hot {@code oh} (the OR of the indices of all set bits); width log2Up(n). */
    public static UInt OHToUInt(Bits oh) {
        int n = oh.width();
        int w = log2Up(n);
        Ground[] bits = new Ground[w];
        for (int k = 0; k < w; k++) {
            Bool b = B(false);
            for (int i = 0; i < n; i++) {
                if ((i >> k & 1) != 0) {
                    b = b.or(oh.bit(i));
                }
            }
            bits[w - 1 - k] = b;
        }
        return cat(bits).asUInt();
    }

    /** One-hot decoding of {@code u}: 2^width(u) bits, bit {@code u} set. */
    public static Bits UIntToOH(UInt u) {
        return UIntToOH(u, 1 << u.width());
    }

    /** One-hot decoding of {@code u} into {@code width} bits (all low when u >= width). */
    public static Bits UIntToOH(UInt u, int width) {
        Ground[] bits = new Ground[width];
        for (int i = 0; i < width; i++) {
            bits[width - 1 - i] = u.width() >= 31 || i < (1 << u.width()) ? u.eq(i) : B(false);
        }
        return cat(bits);
    }

    /** Number of set bits of {@code b} (SpinalHDL's CountOne); width log2Up(n + 1), an adder tree. */
    public static UInt popCount(Bits b) {
        int w = log2Up(b.width() + 1);
        List<UInt> level = new ArrayList<>();
        for (int i = 0; i < b.width(); i++) {
            level.add(b.bit(i).asUInt());
        }
        while (level.size() > 1) {
            List<UInt> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(level.get(i).plusExpand(level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        UInt r = level.get(0);
        return r.width() == w ? r : r.resize(w);
    }

    /** Number of zeros above the highest set bit of {@code b} (n when b is 0); width log2Up(n + 1). */
    public static UInt countLeadingZeros(Bits b) {
        int n = b.width();
        int w = log2Up(n + 1);
        UInt r = U(n, w);
        for (int i = 0; i < n; i++) {
            r = mux(b.bit(i), U(n - 1 - i, w), r);
        }
        return r;
    }
}
