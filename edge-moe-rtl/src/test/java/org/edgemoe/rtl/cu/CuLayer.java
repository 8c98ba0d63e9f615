package org.edgemoe.rtl.cu;

import java.util.Random;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;

/**
 * One layer command for the compute unit with its data (raw integers of the profile's formats) and the
 * golden model's answer ({@link HwOps#linear}, then {@link HwOps#scaleAccumulate} in expert mode).
 */
public record CuLayer(int in, int out, int tokens, boolean attnBias, boolean outResid, boolean gelu,
                      boolean expert, long[][] x, long[] w, long[] bias, long[][] dest, long[] score) {

    public FixFormat outFormat(Formats f) {
        return outResid || expert ? f.resid() : f.act();
    }

    public FixFormat biasFormat(Formats f) {
        return attnBias ? f.weightAttnBias() : f.weightBias();
    }

    /** Golden outputs, [token][output]. */
    public long[][] expected(Formats f) {
        long[][] yv = new long[tokens][];
        for (int t = 0; t < tokens; t++) {
            long[] v = HwOps.linear(x[t], f.act(), w, f.weightLinear(), bias, biasFormat(f), outFormat(f), gelu, f);
            if (expert) {
                for (int o = 0; o < out; o++) {
                    v[o] = HwOps.scaleAccumulate(dest[t][o], v[o], score[t], f);
                }
            }
            yv[t] = v;
        }
        return yv;
    }

    /** Random data: activations uniform over {@code actRange} LSBs (clipped to the format), weights uniform. */
    public static CuLayer random(Formats f, int in, int out, int tokens, boolean bias, boolean attnBias,
                                 boolean outResid, boolean gelu, boolean expert, long seed, long actRange,
                                 long weightRange) {
        Random rnd = new Random(seed);
        long[][] x = new long[tokens][in];
        for (long[] row : x) {
            for (int k = 0; k < in; k++) {
                row[k] = clip(rnd.nextLong() % actRange, f.act());
            }
        }
        long[] w = new long[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = clip(rnd.nextLong() % weightRange, f.weightLinear());
        }
        long[] b = null;
        if (bias) {
            b = new long[out];
            FixFormat bf = attnBias ? f.weightAttnBias() : f.weightBias();
            for (int o = 0; o < out; o++) {
                b[o] = clip(rnd.nextLong() % 40000, bf);
            }
        }
        long[][] dest = null;
        long[] score = null;
        if (expert) {
            dest = new long[tokens][out];
            score = new long[tokens];
            for (int t = 0; t < tokens; t++) {
                score[t] = rnd.nextInt((int) Math.min(Integer.MAX_VALUE, FixedRaw.maxRaw(f.prob()) + 1));
                for (int o = 0; o < out; o++) {
                    dest[t][o] = clip(rnd.nextLong() % (1L << 30), f.resid());
                }
            }
        }
        return new CuLayer(in, out, tokens, attnBias, outResid, gelu, expert, x, w, b, dest, score);
    }

    static long clip(long v, FixFormat fmt) {
        return Math.max(FixedRaw.minRaw(fmt), Math.min(FixedRaw.maxRaw(fmt), v));
    }
}
