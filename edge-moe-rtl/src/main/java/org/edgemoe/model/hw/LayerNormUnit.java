package org.edgemoe.model.hw;

import org.edgemoe.model.ModelShape;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;

/**
 * One-pass LayerNorm over a token (reference section 4), integer only. Input raw x with F fraction
 * bits (the residual format, SQ10.22 in both profiles).
 *
 * <ol>
 * <li>sum = sum of x; sumsq = sum of floor(x^2 / 2^F) (F fraction bits, 64-bit accumulators).</li>
 * <li>mean = floor(sum / D), ex2 = floor(sumsq / D) (D = 192, an exact divider).</li>
 * <li>var = ex2 - floor(mean^2 / 2^F) + eps, eps = round(1e-6 * 2^F) (4 for F = 22); var &lt;= 0 becomes 1 LSB.</li>
 * <li>{@link RsqrtUnit#rsqrt} gives mantissa y (UQ1.24) and exponent e.</li>
 * <li>n_i = floor((x_i - mean) * y / 2^(24 + e)) (F fraction bits; a left shift when 24 + e &lt; 0).</li>
 * <li>out_i = n_i * gamma_i + beta_i formed exactly with F + G fraction bits (G = gamma's), then written to
 * {@code out} with the profile's rounding and overflow.</li>
 * </ol>
 */
public final class LayerNormUnit {

    private LayerNormUnit() {
    }

    public static long[] layerNorm(long[] x, FixFormat xFormat, long[] gamma, FixFormat gammaFormat,
                                   long[] beta, FixFormat betaFormat, FixFormat out, Formats f) {
        int frac = xFormat.fracBits();
        int d = x.length;
        long sum = 0;
        long sumsq = 0;
        for (long v : x) {
            sum += v;
            sumsq += (v * v) >> frac;
        }
        long mean = Math.floorDiv(sum, d);
        long ex2 = Math.floorDiv(sumsq, d);
        long eps = Math.round(Math.scalb(ModelShape.LN_EPS, frac));
        long var = ex2 - ((mean * mean) >> frac) + eps;
        RsqrtUnit.Result r = RsqrtUnit.rsqrt(Math.max(var, 1), frac);
        int normShift = RsqrtUnit.MANTISSA.fracBits() + r.exponent();
        int g = gammaFormat.fracBits();
        long[] y = new long[d];
        for (int i = 0; i < d; i++) {
            long n = FixedRaw.floorShift((x[i] - mean) * r.mantissa(), normShift);
            long scaled = n * gamma[i] + FixedRaw.shiftRound(beta[i], betaFormat.fracBits() - (frac + g),
                    org.edgemoe.hdl.fixed.Rounding.TRUNCATE);
            y[i] = FixedRaw.convert(scaled, frac + g, out, f.rounding(), f.overflow());
        }
        return y;
    }
}
