package org.edgemoe.model.hw;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;

/**
 * The systolic compute unit: y = W x + b for one input vector, W [out][in] row-major.
 *
 * <p>Accumulation order and exact semantics, for each output o: the accumulator (format
 * {@code f.acc()}, A fraction bits) is preloaded with the bias converted to A fraction bits (exact
 * left shift when the bias has fewer; floor otherwise; 0 without bias); then for k = 0..K-1 in input
 * order it adds the product {@code x[k] * W[o][k]} aligned to A fraction bits (exact left shift, or
 * floor when the product has more fraction bits: the published unit drops 14 bits per product).
 * The accumulator wraps modulo 2^width (two's complement adders; because every product is
 * quantised before the add the result does not depend on the order). Finally the accumulator is
 * written to {@code out} with the profile's rounding and overflow, then optionally through the
 * fused {@link GeluModel} (output format in and out).
 */
public final class LinearUnit {

    private LinearUnit() {
    }

    public static long[] linear(long[] x, FixFormat xFormat, long[] weight, FixFormat weightFormat,
                                long[] bias, FixFormat biasFormat, FixFormat out, boolean fusedGelu, Formats f) {
        int in = x.length;
        int outs = weight.length / in;
        FixFormat acc = f.acc();
        int shift = xFormat.fracBits() + weightFormat.fracBits() - acc.fracBits();
        long[] y = new long[outs];
        for (int o = 0; o < outs; o++) {
            long sum = bias == null ? 0 : FixedRaw.shiftRound(bias[o], biasFormat.fracBits() - acc.fracBits(),
                    org.edgemoe.hdl.fixed.Rounding.TRUNCATE);
            int row = o * in;
            if (shift >= 0) {
                for (int k = 0; k < in; k++) {
                    sum += (x[k] * weight[row + k]) >> shift;
                }
            } else {
                for (int k = 0; k < in; k++) {
                    sum += (x[k] * weight[row + k]) << -shift;
                }
            }
            long wrapped = FixedRaw.fit(sum, acc, org.edgemoe.hdl.fixed.Overflow.WRAP);
            long v = FixedRaw.convert(wrapped, acc.fracBits(), out, f.rounding(), f.overflow());
            y[o] = fusedGelu ? GeluModel.gelu(v, out, out, f) : v;
        }
        return y;
    }
}
