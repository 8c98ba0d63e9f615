package org.edgemoe.model.hw;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.hdl.fixed.Rounding;

/**
 * exp(-t) for t >= 0 as 2^(-u), u = t * log2(e): the integer part n of u is a right shift, the
 * fractional part v picks 2^(-v) from a 65-entry table (step 1/64) with linear interpolation.
 *
 * <p>Exact steps, for t raw with F >= 6 fraction bits: {@code u = rnd(t * L / 2^16)} with
 * L = round(log2(e) * 2^16) = 94548 ({@link #LOG2E}, UQ2.16), so u has F fraction bits;
 * n = u >> F; v = u mod 2^F; i = v >> (F-6); r = v mod 2^(F-6);
 * {@code e = T[i] + floor((T[i+1] - T[i]) * r / 2^(F-6))} with {@code T[i] = round(2^(-i/64) * 2^17)}
 * ({@link #ENTRY} = UQ1.17, T[0] = 2^17 = 1.0); the result is {@code e * 2^-n} written with the
 * output's P fraction bits, {@code rnd(e / 2^(17 + n - P))}; 0 when the shift empties it. rnd is the
 * rounding argument, in the softmax the profile's ({@link Formats#rounding()}: a floor in the published
 * profile, round half up in dsp18). Rounding u matters most: with F = 10 (dsp18 act) a floored u makes
 * every term up to 2^-10 ln 2 = 6.8e-4 too large; rounded, the terms of a softmax sum carry no bias. Max |error| about 1.5e-5
 * (interpolation h^2/8 * ln(2)^2) plus 2^-18 table rounding plus one output LSB (half an LSB when rounding).
 */
public final class ExpUnit {
    public static final FixFormat ENTRY = FixFormat.ofWidth(false, 18, 17);
    public static final FixFormat LOG2E_FORMAT = FixFormat.ofWidth(false, 18, 16);
    public static final long LOG2E = FixedRaw.fromDouble(1 / Math.log(2), LOG2E_FORMAT);
    public static final int STEP_BITS = 6;
    private static final long[] TABLE = buildTable();

    private ExpUnit() {
    }

    private static long[] buildTable() {
        long[] t = new long[(1 << STEP_BITS) + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = FixedRaw.fromDouble(Math.pow(2, -i / 64.0), ENTRY);
        }
        return t;
    }

    public static long[] table() {
        return TABLE.clone();
    }

    /** exp(-t) for raw {@code t >= 0} with {@code tFrac} fraction bits, raw in {@code out} (truncated). */
    public static long expNeg(long rawT, int tFrac, FixFormat out) {
        return expNeg(rawT, tFrac, out, Rounding.TRUNCATE);
    }

    /** exp(-t) for raw {@code t >= 0} with {@code tFrac} fraction bits, raw in {@code out}, the last shift rounded. */
    public static long expNeg(long rawT, int tFrac, FixFormat out, Rounding rounding) {
        if (rawT < 0) {
            throw new IllegalArgumentException("exp argument must be <= 0");
        }
        if (tFrac < STEP_BITS) {
            throw new IllegalArgumentException("exp input needs >= 6 fraction bits, got " + tFrac);
        }
        long u = FixedRaw.shiftRound(rawT * LOG2E, LOG2E_FORMAT.fracBits(), rounding);
        long n = u >> tFrac;
        long v = u & ((1L << tFrac) - 1);
        int rBits = tFrac - STEP_BITS;
        int i = (int) (v >> rBits);
        long r = v & ((1L << rBits) - 1);
        long e = TABLE[i] + FixedRaw.floorShift((TABLE[i + 1] - TABLE[i]) * r, rBits);
        long shift = ENTRY.fracBits() + n - out.fracBits();
        if (shift >= 63) {
            return 0;
        }
        return FixedRaw.shiftRound(e, (int) shift, rounding);
    }
}
