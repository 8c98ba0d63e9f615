package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Utils;
import org.edgemoe.model.hw.RsqrtUnit;

/**
 * The reciprocal square root of {@link RsqrtUnit}, bit-exact and pipelined (one input per cycle, latency
 * {@link #LATENCY}): for a positive raw v of {@code width} bits with F fraction bits, mantissa y (UQ1.24) and
 * the normalisation shift 24 + e, where 1/sqrt(v 2^-F) = y 2^-(24 + e).
 *
 * <p>Stage 1 normalises: msb = the highest set bit (leading-zero count), m = floor(v 2^(31 - msb)) when
 * msb - F is odd, else floor(v 2^(30 - msb)) (so m is U2.30 in [1, 4) and the exponent even), and
 * e = floor((msb - F) / 2). Stage 2 reads the 192-entry seed table (a case ROM indexed by m's top 8 bits,
 * entries U1.17 widened to 30 fraction bits). Then two {@link NewtonStep}s (three stages each).
 * {@code shift} is 24 + e - {@code minShift} (the offset from the smallest possible shift, so it is
 * unsigned); v = 0 is outside the contract (LayerNorm clamps the variance to at least one LSB).
 */
public final class RsqrtPipe extends Module {
    public static final int LATENCY = 2 + RsqrtUnit.NEWTON_STEPS * NewtonStep.LATENCY;
    public final UInt v;
    public final UInt mantissa = out(UInt(RsqrtUnit.MANTISSA.width()));
    public final UInt shift;
    public final int minShift;

    public RsqrtPipe(int width, int frac) {
        param("WIDTH", width);
        param("FRAC", frac);
        v = in(UInt(width));
        int mant = RsqrtUnit.MANTISSA.fracBits();
        minShift = mant + Math.floorDiv(-frac, 2);
        int maxShift = mant + Math.floorDiv(width - 1 - frac, 2);
        int sw = log2Up(maxShift - minShift + 1);
        shift = out(UInt(sw));

        // ---- stage 1: normalise ----
        UInt lz = Utils.countLeadingZeros(v.asBits());
        int zw = Math.max(width, NewtonStep.M_WIDTH);
        UInt z = v.shl(lz).resize(width);
        UInt zp = zw > width ? z.shl(zw - width) : z;
        UInt m31 = zp.slice(zw - 1, zw - NewtonStep.M_WIDTH);
        Bool odd = wireInit(B(false)).named("oddExp");
        UInt sh = wireInit(U(0, sw)).named("shiftOf");
        var byLz = switchOn(lz);
        for (int l = 0; l < width; l++) {
            int msb = width - 1 - l;
            boolean o = ((msb - frac) & 1) != 0;
            long s = mant + Math.floorDiv(msb - frac, 2) - minShift;
            byLz.is(l, () -> {
                odd.set(B(o));
                sh.set(U(s, sw));
            });
        }
        UInt m1 = regNext(mux(odd, m31, m31.shr(1).resize(NewtonStep.M_WIDTH))).named("mNorm");
        UInt sh1 = regNext(sh).named("sh1");

        // ---- stage 2: seed table ----
        long[] table = RsqrtUnit.table();
        int ew = RsqrtUnit.ENTRY.width();
        UInt seed = wireInit(U(0, ew)).named("seed");
        UInt top = m1.slice(NewtonStep.M_WIDTH - 1, NewtonStep.M_WIDTH - 8);
        var sw2 = switchOn(top);
        for (int i = 0; i < table.length; i++) {
            final long t = table[i];
            sw2.is(i + 64, () -> seed.set(U(t, ew)));
        }
        UInt y0 = regNext(seed.shl(NewtonStep.FRAC - RsqrtUnit.ENTRY.fracBits()).resize(NewtonStep.Y_WIDTH)).named("y0");
        UInt m2 = regNext(m1).named("m2");
        UInt shd = regNext(sh1).named("sh2");

        // ---- Newton steps ----
        UInt y = y0;
        UInt m = m2;
        for (int s = 0; s < RsqrtUnit.NEWTON_STEPS; s++) {
            NewtonStep step = instance(new NewtonStep());
            step.m.set(m);
            step.y.set(y);
            m = step.mOut;
            y = step.yOut;
        }
        mantissa.set(y.shr(NewtonStep.FRAC - mant).resize(RsqrtUnit.MANTISSA.width()));
        shift.set(Utils.Delay(shd, RsqrtUnit.NEWTON_STEPS * NewtonStep.LATENCY));
    }
}
