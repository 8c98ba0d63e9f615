package org.edgemoe.rtl.cu;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.Formats;

/**
 * Parameters of the {@link ComputeUnit}: array shape ({@code rows} x {@code cols} PEs, grouped into
 * {@code tileRows} x {@code tileCols} tiles), the number formats of one golden-model profile, and the
 * run-time limits (largest input size K, output size N and token count T).
 *
 * <p>Derived widths: activations (multiplier operand x) {@code f.act()}, weights and biases 16 bits
 * ({@code f.weightLinear()}, {@code f.weightBias()} / {@code f.weightAttnBias()}), accumulator
 * {@code f.acc()}, output lanes max(act, resid) bits, gate score {@code f.prob()}.
 */
public record CuConfig(int rows, int cols, int tileRows, int tileCols, Formats formats,
                       int maxInSize, int maxOutSize, int maxTokens) {

    public static final int WEIGHT_WIDTH = 16;

    public CuConfig {
        if (rows < 2 || cols < 2 || Integer.bitCount(rows) != 1 || Integer.bitCount(cols) != 1) {
            throw new IllegalArgumentException("rows and cols must be powers of two >= 2: " + rows + "x" + cols);
        }
        if (tileRows < 1 || tileCols < 1 || rows % tileRows != 0 || cols % tileCols != 0) {
            throw new IllegalArgumentException("tile " + tileRows + "x" + tileCols + " does not divide " + rows + "x" + cols);
        }
        if (maxInSize < rows || maxOutSize < cols || maxTokens < 1) {
            throw new IllegalArgumentException("limits too small");
        }
        Formats f = formats;
        if (f.weightLinear().width() != WEIGHT_WIDTH || f.weightBias().width() != WEIGHT_WIDTH
                || f.weightAttnBias().width() != WEIGHT_WIDTH) {
            throw new IllegalArgumentException("weights and biases must be 16 bits");
        }
        if (f.weightBias().fracBits() > f.acc().fracBits() || f.weightAttnBias().fracBits() > f.acc().fracBits()) {
            throw new IllegalArgumentException("bias formats need at most the accumulator's fraction bits");
        }
        if (!f.act().signed() || !f.acc().signed() || !f.resid().signed() || !f.prob().signed()) {
            throw new IllegalArgumentException("signed formats expected");
        }
    }

    /** The default: 16 x 16 PEs in 4 x 4 tiles, published formats, K, N <= 768, T <= 256. */
    public static CuConfig defaults() {
        return of(16, 16, Formats.published());
    }

    public static CuConfig of(int rows, int cols, Formats f) {
        return new CuConfig(rows, cols, Math.min(4, rows), Math.min(4, cols), f, 768, 768, 256);
    }

    public CuConfig withLimits(int maxIn, int maxOut, int maxT) {
        return new CuConfig(rows, cols, tileRows, tileCols, formats, maxIn, maxOut, maxT);
    }

    public int actWidth() { return formats.act().width(); }
    public int accWidth() { return formats.acc().width(); }
    public int residWidth() { return formats.resid().width(); }
    public int probWidth() { return formats.prob().width(); }
    public int outWidth() { return Math.max(formats.act().width(), formats.resid().width()); }

    /** Right shift aligning an act x weight product to the accumulator (negative: left shift). */
    public int productShift() {
        return formats.act().fracBits() + formats.weightLinear().fracBits() - formats.acc().fracBits();
    }

    public FixFormat biasFormat(boolean attn) {
        return attn ? formats.weightAttnBias() : formats.weightBias();
    }

    public int inSizeWidth() { return 32 - Integer.numberOfLeadingZeros(maxInSize); }
    public int outSizeWidth() { return 32 - Integer.numberOfLeadingZeros(maxOutSize); }
    public int tokensWidth() { return 32 - Integer.numberOfLeadingZeros(maxTokens); }
    public int tokenIndexWidth() { return Math.max(1, 32 - Integer.numberOfLeadingZeros(maxTokens - 1)); }

    /** Enabled cycles from an x beat's issue to its column sums at the accumulator stage. */
    public int arrayLatency() { return rows + cols; }

    /** Weight-row FIFO depth: a whole tile plus its bias row, twice. */
    public int weightFifoDepth() { return 2 * (rows + 1); }
}
