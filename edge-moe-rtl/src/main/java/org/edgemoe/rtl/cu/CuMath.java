package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.model.hw.Formats;

/**
 * Combinational fixed-point helpers of the compute unit, each bit-exact to the golden model's raw-integer
 * arithmetic ({@code org.edgemoe.hdl.fixed.FixedRaw}): shifts with floor or round-half-up, fit by
 * wrap or saturation, the expert scale-and-accumulate. They build hardware in the calling module (the
 * fused GELU is the GELU unit's own {@code GeluLane}).
 */
final class CuMath {
    private CuMath() { }

    /** {@code floor(v / 2^shift)} (negative shift: exact left shift), at its natural width. */
    static SInt floorShift(SInt v, int shift) {
        if (shift > 0) {
            return v.shr(shift);
        }
        return shift < 0 ? v.shl(-shift) : v;
    }

    /** FixedRaw.shiftRound(v, shift, rounding) at a width that holds the result exactly. */
    static SInt shiftRound(SInt v, int shift, Rounding rounding) {
        if (shift <= 0 || rounding == Rounding.TRUNCATE) {
            return floorShift(v, shift);
        }
        if (rounding != Rounding.ROUND_HALF_UP) {
            throw new IllegalArgumentException("rounding " + rounding + " not supported by the compute unit");
        }
        SInt fl = v.shr(shift);
        int w = fl.width() + 1;
        return fl.resize(w).plus(mux(v.bit(shift - 1), S(1, w), S(0, w)));
    }

    /** FixedRaw.fit(v, width, overflow) for a signed target of {@code width} bits. */
    static SInt fit(SInt v, int width, Overflow overflow) {
        if (v.width() <= width || overflow == Overflow.WRAP) {
            return v.resize(width);
        }
        long max = (1L << (width - 1)) - 1;
        long min = -(1L << (width - 1));
        SInt maxV = S(max, v.width());
        SInt minV = S(min, v.width());
        return mux(v.gt(maxV), S(max, width), mux(v.lt(minV), S(min, width), v.resize(width)));
    }

    /** FixedRaw.convert(raw, fromFrac, to, profile rounding, profile overflow). */
    static SInt convert(SInt raw, int fromFrac, FixFormat to, Formats f) {
        return fit(shiftRound(raw, fromFrac - to.fracBits(), f.rounding()), to.width(), f.overflow());
    }

    /** The act x weight product aligned to the accumulator (floor) and wrapped to its width. */
    static SInt alignedProduct(SInt x, SInt w, CuConfig cfg) {
        return floorShift(x.times(w), cfg.productShift()).resize(cfg.accWidth());
    }

    /** HwOps.scaleAccumulate: fit(dest + floor(p * y / 2^P), resid, overflow). */
    static SInt scaleAccumulate(SInt dest, SInt y, SInt p, Formats f) {
        SInt scaled = p.times(y).shr(f.prob().fracBits());
        int w = Math.max(scaled.width(), dest.width()) + 1;
        return fit(dest.resize(w).plus(scaled.resize(w)), f.resid().width(), f.overflow());
    }
}
