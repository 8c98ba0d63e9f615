package org.edgemoe.model.hw;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.hdl.fixed.Rounding;

/**
 * The bit-accurate operators, one call per vector: the reference for the RTL blocks. Every value is a
 * raw two's complement integer in a stated {@link FixFormat}; nothing here uses floating point.
 * Each method documents (or links to the unit that documents) its exact semantics.
 */
public final class HwOps {

    private HwOps() {
    }

    /** GELU of one act-format value, output in act format. See {@link GeluModel}. */
    public static long gelu(long rawX, Formats f) {
        return GeluModel.gelu(rawX, f.act(), f.act(), f);
    }

    /** GELU with explicit input and output formats. See {@link GeluModel}. */
    public static long gelu(long rawX, FixFormat in, FixFormat out, Formats f) {
        return GeluModel.gelu(rawX, in, out, f);
    }

    /** exp(-t), t &gt;= 0 raw with {@code tFrac} fraction bits, result raw in {@code out}. See {@link ExpUnit}. */
    public static long expNeg(long rawT, int tFrac, FixFormat out) {
        return ExpUnit.expNeg(rawT, tFrac, out);
    }

    /** exp(-t) into prob format with the profile's rounding, as inside the softmax. See {@link ExpUnit}. */
    public static long expNeg(long rawT, int tFrac, Formats f) {
        return ExpUnit.expNeg(rawT, tFrac, f.prob(), f.rounding());
    }

    /** Streaming softmax of one row: {1/sum, max} and probabilities (prob format). See {@link SoftmaxUnit}. */
    public static SoftmaxRow softmaxRow(long[] scores, FixFormat scoreFormat, Formats f) {
        return SoftmaxUnit.softmaxRow(scores, scoreFormat, f);
    }

    /** Top-k indices, largest first, ties to the lower index. See {@link ExpertRouter}. */
    public static int[] topK(long[] values, int k) {
        return ExpertRouter.topK(values, k);
    }

    /** y = W x + b on the systolic unit, optional fused GELU. See {@link LinearUnit}. */
    public static long[] linear(long[] x, FixFormat xFormat, long[] weight, FixFormat weightFormat,
                                long[] bias, FixFormat biasFormat, FixFormat out, boolean fusedGelu, Formats f) {
        return LinearUnit.linear(x, xFormat, weight, weightFormat, bias, biasFormat, out, fusedGelu, f);
    }

    /** LayerNorm of one token. See {@link LayerNormUnit}. */
    public static long[] layerNorm(long[] x, FixFormat xFormat, long[] gamma, FixFormat gammaFormat,
                                   long[] beta, FixFormat betaFormat, FixFormat out, Formats f) {
        return LayerNormUnit.layerNorm(x, xFormat, gamma, gammaFormat, beta, betaFormat, out, f);
    }

    /** Attention of one head over all tokens (act format in and out). See {@link AttentionUnit}. */
    public static long[][] attentionHead(long[][] q, long[][] k, long[][] v, Formats f) {
        return AttentionUnit.head(q, k, v, f);
    }

    /**
     * Residual add {@code x + y}, both raw in the resid format, with the profile's overflow mode.
     */
    public static long residualAdd(long x, long y, Formats f) {
        return FixedRaw.fit(x + y, f.resid(), f.overflow());
    }

    /**
     * The compute unit's "scale by gate score and accumulate into the destination" mode:
     * {@code dest + floor(p * y / 2^P)} with y and dest in resid format and p in prob format
     * (P fraction bits), the sum written with the profile's overflow mode.
     */
    public static long scaleAccumulate(long dest, long y, long p, Formats f) {
        long scaled = FixedRaw.shiftRound(p * y, f.prob().fracBits(), Rounding.TRUNCATE);
        return residualAdd(dest, scaled, f);
    }
}
