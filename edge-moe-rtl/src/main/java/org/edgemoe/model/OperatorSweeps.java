package org.edgemoe.model;

import java.util.Random;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;

/** Dense sweeps of the hardware operators against their exact counterparts (max absolute error). */
public final class OperatorSweeps {
    /** Sweep step 2^-14 (or the format's LSB if coarser). */
    private static final int STEP_FRAC = 14;

    private OperatorSweeps() {
    }

    /** GELU over [-8, 8] in the act format against erf-GELU of the same (exactly represented) input. */
    public static double geluMaxAbsError(Formats f) {
        FixFormat act = f.act();
        long step = 1L << Math.max(0, act.fracBits() - STEP_FRAC);
        long limit = 8L << act.fracBits();
        double max = 0;
        for (long raw = -limit; raw <= limit; raw += step) {
            double x = FixedRaw.toDouble(raw, act.fracBits());
            double y = FixedRaw.toDouble(HwOps.gelu(raw, f), act.fracBits());
            max = Math.max(max, Math.abs(y - Erf.gelu(x)));
        }
        return max;
    }

    /** exp(-t) for t in [0, 16] (act-format input, prob-format output). */
    public static double expMaxAbsError(Formats f) {
        int frac = f.act().fracBits();
        long step = 1L << Math.max(0, frac - STEP_FRAC);
        double max = 0;
        for (long raw = 0; raw <= (16L << frac); raw += step) {
            double y = FixedRaw.toDouble(HwOps.expNeg(raw, frac, f), f.prob().fracBits());
            max = Math.max(max, Math.abs(y - Math.exp(-FixedRaw.toDouble(raw, frac))));
        }
        return max;
    }

    /** Softmax of seeded random rows (129 scores, N(0, 3^2), quantised to act) against the exact softmax of the same inputs. */
    public static double softmaxMaxAbsError(Formats f, int rows) {
        Random random = new Random(7);
        FixFormat act = f.act();
        double max = 0;
        for (int r = 0; r < rows; r++) {
            long[] raw = new long[ModelShape.TOKENS];
            double[] exact = new double[raw.length];
            for (int j = 0; j < raw.length; j++) {
                raw[j] = FixedRaw.fromDouble(3 * random.nextGaussian(), act);
                exact[j] = FixedRaw.toDouble(raw[j], act.fracBits());
            }
            long[] p = HwOps.softmaxRow(raw, act, f).probs();
            double[] q = FloatOps.softmax(exact);
            for (int j = 0; j < raw.length; j++) {
                max = Math.max(max, Math.abs(FixedRaw.toDouble(p[j], f.prob().fracBits()) - q[j]));
            }
        }
        return max;
    }

    /** LayerNorm of real residual-stream tokens (quantised to resid) against the float LayerNorm of the same input. */
    public static double layerNormMaxAbsError(Formats f, double[][][] inputs, LayerWeights[] layers) {
        double max = 0;
        FixFormat resid = f.resid();
        for (int l = 0; l < inputs.length; l++) {
            LayerWeights w = layers[l];
            long[] g = quantise(w.norm1Gamma(), f.weightNorm(), f);
            long[] b = quantise(w.norm1Beta(), f.weightBias(), f);
            double[] gq = toDouble(g, f.weightNorm());
            double[] bq = toDouble(b, f.weightBias());
            for (double[] token : inputs[l]) {
                long[] x = quantise(token, resid, f);
                double[] exact = FloatOps.layerNorm(toDouble(x, resid), gq, bq);
                long[] y = HwOps.layerNorm(x, resid, g, f.weightNorm(), b, f.weightBias(), f.act(), f);
                for (int c = 0; c < y.length; c++) {
                    max = Math.max(max, Math.abs(FixedRaw.toDouble(y[c], f.act().fracBits()) - exact[c]));
                }
            }
        }
        return max;
    }

    private static long[] quantise(double[] v, FixFormat format, Formats f) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = FixedRaw.fromDouble(v[i], format, f.rounding(), f.overflow());
        }
        return r;
    }

    private static double[] toDouble(long[] raw, FixFormat format) {
        double[] d = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            d[i] = FixedRaw.toDouble(raw[i], format.fracBits());
        }
        return d;
    }
}
