package org.edgemoe.rtl.cu;

/**
 * The compute unit's weight-stream order, in one place: an [out][in] row-major matrix and its bias as the
 * values the {@link ComputeUnit}'s {@code weight} stream takes, row after row of {@code cols} lanes. For each
 * output tile of {@code cols} outputs: its bias row (when there is a bias), then for each input tile of
 * {@code rows} inputs and each row r of it, the weights {@code W[tile * cols + c][k * rows + r]} (lane c). The
 * weight image stores linear layers in this order, so one contiguous read feeds the unit.
 */
public final class WeightStream {
    private WeightStream() { }

    /** The stream's values, {@code out * in} weights plus {@code out} bias values when {@code bias} is not null. */
    public static long[] of(long[] w, long[] bias, int out, int in, int rows, int cols) {
        if (out % cols != 0 || in % rows != 0) {
            throw new IllegalArgumentException("a " + out + " x " + in + " matrix does not tile a " + rows + " x " + cols + " compute unit");
        }
        if (w.length != out * in || (bias != null && bias.length != out)) {
            throw new IllegalArgumentException("matrix of " + w.length + " values / bias of " + (bias == null ? 0 : bias.length)
                    + " for a " + out + " x " + in + " layer");
        }
        long[] s = new long[out * in + (bias != null ? out : 0)];
        int k = 0;
        for (int ot = 0; ot < out / cols; ot++) {
            if (bias != null) {
                for (int c = 0; c < cols; c++) {
                    s[k++] = bias[ot * cols + c];
                }
            }
            for (int kt = 0; kt < in / rows; kt++) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        s[k++] = w[(ot * cols + c) * in + kt * rows + r];
                    }
                }
            }
        }
        return s;
    }
}
