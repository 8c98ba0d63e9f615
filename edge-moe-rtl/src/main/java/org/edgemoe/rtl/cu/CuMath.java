package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.model.fixed.FixedFormat;
import org.edgemoe.model.fixed.Overflow;
import org.edgemoe.model.fixed.Rounding;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.GeluUnit;

/**
 * Combinational fixed-point helpers of the compute unit, each bit-exact to the golden model's raw-integer
 * arithmetic ({@code org.edgemoe.model.fixed.FixedRaw}): shifts with floor or round-half-up, fit by
 * wrap or saturation, the GELU correction of {@link GeluUnit}. They build hardware in the calling
 * module.
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
    static SInt convert(SInt raw, int fromFrac, FixedFormat to, Formats f) {
        return fit(shiftRound(raw, fromFrac - to.fracBits(), f.rounding()), to.width(), f.overflow());
    }

    /** The act x weight product aligned to the accumulator (floor) and wrapped to its width. */
    static SInt alignedProduct(SInt x, SInt w, CuConfig cfg) {
        return floorShift(x.times(w), cfg.productShift()).resize(cfg.accWidth());
    }

    /**
     * {@link GeluUnit#gelu}(v, fmt, fmt, f): relu(v) - delta(|v|) with the interpolated correction table,
     * narrowed back to {@code fmt} with the profile's rounding and overflow.
     */
    static SInt gelu(SInt v, FixedFormat fmt, Formats f) {
        int frac = fmt.fracBits();
        int w = fmt.width();
        int rBits = frac - GeluUnit.STEP_BITS;
        if (rBits < 0 || rBits >= w) {
            throw new IllegalArgumentException("GELU needs 5..width-1 fraction bits: " + fmt);
        }
        long[] table = GeluUnit.table();
        int limit = GeluUnit.ENTRIES - 1;
        Bool neg = v.msb();
        SInt vx = v.resize(w + 1);
        UInt t = mux(neg, vx.neg(), vx).asUInt();                       // |v|, w + 1 bits
        SInt relu = mux(neg, S(0, w), v);
        UInt idxFull = t.shr(rBits);
        Bool inTable = idxFull.lt(U(limit, idxFull.width()));
        int aw = log2Up(limit);
        UInt idx = idxFull.width() > aw ? idxFull.resize(aw) : idxFull.resize(aw);
        int tw = 19;
        int dw = 19;
        SInt tv = wireInit(S(0, tw));
        SInt dv = wireInit(S(0, dw));
        when(inTable, () -> {
            SwitchBuilder sw = switchOn(idx);
            for (int i = 0; i < limit; i++) {
                final long ti = table[i];
                final long di = table[i + 1] - table[i];
                sw.is(i, () -> {
                    tv.set(S(ti, tw));
                    dv.set(S(di, dw));
                });
            }
        });
        SInt delta;
        if (rBits > 0) {
            SInt r = t.slice(rBits - 1, 0).resize(rBits + 1).asSInt();
            delta = tv.resize(tw + 1).plus(dv.times(r).shr(rBits).resize(tw + 1));
        } else {
            delta = tv.resize(tw + 1);
        }
        int g = Math.max(frac, GeluUnit.ENTRY.fracBits());
        SInt a = relu.shl(g - frac);
        SInt b = delta.shl(g - GeluUnit.ENTRY.fracBits());
        int yw = Math.max(a.width(), b.width()) + 1;
        SInt y = a.resize(yw).minus(b.resize(yw));
        return convert(y, g, fmt, f);
    }

    /** HwOps.scaleAccumulate: fit(dest + floor(p * y / 2^P), resid, overflow). */
    static SInt scaleAccumulate(SInt dest, SInt y, SInt p, Formats f) {
        SInt scaled = p.times(y).shr(f.prob().fracBits());
        int w = Math.max(scaled.width(), dest.width()) + 1;
        return fit(dest.resize(w).plus(scaled.resize(w)), f.resid().width(), f.overflow());
    }
}
