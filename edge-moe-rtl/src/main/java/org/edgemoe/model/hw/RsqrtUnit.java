package org.edgemoe.model.hw;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;

/**
 * Reciprocal square root by table and Newton steps, for LayerNorm.
 *
 * <p>A positive raw v with F fraction bits is normalised to m = v * 2^k held as UQ2.30 in
 * [1, 4) (k chosen so the exponent (30 - k - F) is even; low bits shifted out are dropped), so
 * 1/sqrt(v * 2^-F) = 1/sqrt(m) * 2^-e with e = (30 - k - F) / 2. Seed: a 192-entry table indexed by
 * the top 8 bits of m ({@code (m_raw >> 24) - 64}, step 1/64), entries
 * {@code round(2^17 / sqrt(midpoint))} in {@link #ENTRY} = UQ1.17. Then {@link #NEWTON_STEPS} steps
 * with 30 fraction bits, each floor: {@code y2 = y*y >> 30; my2 = m*y2 >> 30; y = y * (3*2^30 - my2) >> 31}.
 * The mantissa returned is {@code y >> 6}, format {@link #MANTISSA} = UQ1.24, in (0.5, 1].
 * Relative error below 1e-7.
 */
public final class RsqrtUnit {
    public static final FixFormat ENTRY = FixFormat.ofWidth(false, 18, 17);
    public static final FixFormat MANTISSA = FixFormat.ofWidth(false, 25, 24);
    public static final int NEWTON_STEPS = 2;
    private static final int M_FRAC = 30;
    private static final long[] TABLE = buildTable();

    /** 1/sqrt(x) = mantissa * 2^-24 * 2^-exponent. */
    public record Result(long mantissa, int exponent) {
        public double value() {
            return Math.scalb((double) mantissa, -MANTISSA.fracBits() - exponent);
        }
    }

    private RsqrtUnit() {
    }

    private static long[] buildTable() {
        long[] t = new long[192];
        for (int i = 0; i < t.length; i++) {
            double mid = (i + 64 + 0.5) / 64.0;
            t[i] = FixedRaw.fromDouble(1 / Math.sqrt(mid), ENTRY);
        }
        return t;
    }

    public static long[] table() {
        return TABLE.clone();
    }

    /** 1/sqrt of a positive raw value with {@code frac} fraction bits. */
    public static Result rsqrt(long raw, int frac) {
        if (raw <= 0) {
            throw new IllegalArgumentException("rsqrt needs a positive input, got " + raw);
        }
        int msb = 63 - Long.numberOfLeadingZeros(raw);
        int k = M_FRAC - msb;
        if (((M_FRAC - k - frac) & 1) != 0) {
            k += 1;
        }
        long m = k >= 0 ? raw << k : raw >> -k;
        int e = (M_FRAC - k - frac) / 2;
        long y = TABLE[(int) (m >> 24) - 64] << (M_FRAC - ENTRY.fracBits());
        for (int s = 0; s < NEWTON_STEPS; s++) {
            long y2 = (y * y) >> M_FRAC;
            long my2 = (m * y2) >> M_FRAC;
            y = (y * ((3L << M_FRAC) - my2)) >> (M_FRAC + 1);
        }
        return new Result(y >> (M_FRAC - MANTISSA.fracBits()), e);
    }
}
