package org.edgemoe.model.hw;

import static org.junit.jupiter.api.Assertions.*;

import org.edgemoe.model.Erf;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.OperatorSweeps;
import org.junit.jupiter.api.Test;

class HwOpsTest {
    private final Formats pub = Formats.published();
    private final FixFormat fm = Formats.FM;

    private long raw(double v) {
        return FixedRaw.fromDouble(v, fm);
    }

    private double val(long raw) {
        return FixedRaw.toDouble(raw, fm.fracBits());
    }

    @Test
    void geluTableHas177EntriesAndMeetsTheErrorTarget() {
        assertEquals(177, GeluModel.table().length);
        assertTrue(OperatorSweeps.geluMaxAbsError(pub) <= 1e-4);
        assertEquals(7.0, val(HwOps.gelu(raw(7.0), pub)), 0);   // beyond 5.5: relu
        assertEquals(0.0, val(HwOps.gelu(raw(-7.0), pub)), 0);
        assertEquals(Erf.gelu(-0.75), val(HwOps.gelu(raw(-0.75), pub)), 2e-6); // a table point
    }

    @Test
    void expIsExactAtZeroAndHalvesPerLn2() {
        assertEquals(1L << 22, HwOps.expNeg(0, 22, fm));
        assertEquals(Math.exp(-1), val(HwOps.expNeg(raw(1), 22, fm)), 2e-5);
        assertEquals(0, HwOps.expNeg(raw(100), 22, fm));
        assertTrue(OperatorSweeps.expMaxAbsError(pub) < 2e-5);
    }

    @Test
    void softmaxStateAndProbabilities() {
        long[] scores = {raw(1), raw(3), raw(2), raw(3)};
        SoftmaxRow row = HwOps.softmaxRow(scores, fm, pub);
        assertEquals(raw(3), row.max());
        double sum = 0;
        for (long p : row.probs()) {
            sum += val(p);
        }
        assertEquals(1.0, sum, 1e-4);
        assertEquals(row.probs()[1], row.probs()[3]);
        double exact = Math.exp(0) / (Math.exp(-2) + 2 + Math.exp(-1));
        assertEquals(exact, val(row.probs()[1]), 3e-5);
        assertEquals(1 / (Math.exp(-2) + 2 + Math.exp(-1)), val(row.invSum()), 3e-5);
    }

    @Test
    void topKBreaksTiesTowardTheLowerIndex() {
        assertArrayEquals(new int[] {1, 3}, HwOps.topK(new long[] {0, 5, 2, 5, 5}, 2));
        assertArrayEquals(new int[] {2, 0}, HwOps.topK(new long[] {-1, -3, 4, -1}, 2));
    }

    @Test
    void linearPreloadsBiasAndTruncatesEachProduct() {
        FixFormat w = FixFormat.signedWI(16, 2);
        // x = -1 LSB; weight = 0.5: the product -2^-23 truncates to -1 LSB; two of them plus bias 1.0.
        long[] x = {-1, -1};
        long[] weights = {FixedRaw.fromDouble(0.5, w), FixedRaw.fromDouble(0.5, w)};
        long[] bias = {FixedRaw.fromDouble(1.0, FixFormat.signedWI(16, 5))};
        long[] y = HwOps.linear(x, fm, weights, w, bias, FixFormat.signedWI(16, 5), fm, false, pub);
        assertEquals((1L << 22) - 2, y[0]);
    }

    @Test
    void linearWrapsInThePublishedProfileAndSaturatesInDsp18() {
        FixFormat w = FixFormat.signedWI(16, 2);
        long[] x = {raw(500), raw(500)};
        long[] weights = {FixedRaw.fromDouble(1.0, w), FixedRaw.fromDouble(1.0, w)};
        long[] y = HwOps.linear(x, fm, weights, w, null, w, fm, false, pub);
        assertEquals(1000 - 1024, val(y[0]), 0);
        Formats d = Formats.dsp18();
        long[] xs = {FixedRaw.fromDouble(100, d.act()), FixedRaw.fromDouble(100, d.act())};
        long[] ys = HwOps.linear(xs, d.act(), weights, w, null, w, d.act(), false, d);
        assertEquals(FixedRaw.maxRaw(d.act()), ys[0]);
    }

    @Test
    void rsqrtIsAccurateOverManyOctaves() {
        for (double v = 1e-5; v < 1e5; v *= 1.37) {
            long r = FixedRaw.fromDouble(v, fm);
            double exact = 1 / Math.sqrt(val(r));
            assertEquals(exact, RsqrtUnit.rsqrt(r, 22).value(), exact * 3e-7, "v=" + v);
        }
    }

    @Test
    void layerNormMatchesFloatOnARamp() {
        long[] x = new long[192];
        long[] gamma = new long[192];
        long[] beta = new long[192];
        FixFormat g = pub.weightNorm();
        FixFormat b = pub.weightBias();
        double[] xd = new double[192];
        for (int i = 0; i < 192; i++) {
            x[i] = raw(0.1 * i - 7);
            xd[i] = val(x[i]);
            gamma[i] = FixedRaw.fromDouble(1.5, g);
            beta[i] = FixedRaw.fromDouble(-0.25, b);
        }
        double[] ref = org.edgemoe.model.FloatOps.layerNorm(xd, filled(1.5), filled(-0.25));
        long[] y = HwOps.layerNorm(x, fm, gamma, g, beta, b, fm, pub);
        for (int i = 0; i < 192; i++) {
            assertEquals(ref[i], val(y[i]), 1e-5);
        }
    }

    private static double[] filled(double v) {
        double[] a = new double[192];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void scaleAccumulateTruncatesTheScaledTerm() {
        long dest = raw(1.0);
        long y = -3;               // -3 LSB
        long half = raw(0.5);
        assertEquals(raw(1.0) - 2, HwOps.scaleAccumulate(dest, y, half, pub)); // floor(-1.5) = -2
    }
}
