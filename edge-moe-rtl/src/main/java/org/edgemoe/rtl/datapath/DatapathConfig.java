package org.edgemoe.rtl.datapath;

import org.edgemoe.model.ModelShape;
import org.edgemoe.rtl.cu.CuConfig;

/**
 * Sizes of the on-chip datapath: the compute unit (square, so a buffer word is both an x and a y beat) and the
 * model's widths. Buffer b holds {@code maxTokens} tokens of {@code width(b)} values as words of
 * {@code lanes()} values, token-major.
 */
public record DatapathConfig(CuConfig cu, int maxTokens, int dim, int hidden) {

    public DatapathConfig {
        if (cu.rows() != cu.cols()) {
            throw new IllegalArgumentException("the datapath needs a square compute unit (a buffer word is an x and a y beat): "
                    + cu.rows() + " x " + cu.cols());
        }
        for (int w : new int[] {dim, hidden, 3 * dim}) {
            if (w % cu.rows() != 0) {
                throw new IllegalArgumentException("width " + w + " is not a multiple of the compute unit's " + cu.rows() + " lanes");
            }
        }
        if (maxTokens > cu.maxTokens() || hidden > Math.min(cu.maxInSize(), cu.maxOutSize()) || 3 * dim > cu.maxOutSize()) {
            throw new IllegalArgumentException("compute unit limits " + cu.maxInSize() + "/" + cu.maxOutSize() + "/" + cu.maxTokens()
                    + " too small for " + maxTokens + " tokens of " + dim + " / " + hidden);
        }
    }

    /** M3ViT on the given compute unit: 129 tokens, D = 192, hidden 768. */
    public static DatapathConfig m3vit(CuConfig cu) {
        return new DatapathConfig(cu, ModelShape.TOKENS, ModelShape.DIM, ModelShape.MLP_HIDDEN);
    }

    public int lanes() {
        return cu.rows();
    }

    /** Values per token of an act buffer. */
    public int width(ActBuf b) {
        return switch (b) {
            case LNO, ATT -> dim;
            case QKV -> 3 * dim;
            case HID -> hidden;
        };
    }

    /** Words of an act buffer; ATT rows are padded to {@link #attStride()} words so a head's words sit at power-of-two offsets. */
    public int words(ActBuf b) {
        return b == ActBuf.ATT ? maxTokens * attStride() : maxTokens * width(b) / lanes();
    }

    /** Words per token in the ATT buffer: 2^(head bits + word-in-head bits), as {@link AttentionStage} writes them. */
    public int attStride() {
        int heads = dim / org.edgemoe.model.ModelShape.HEAD_DIM;
        return 1 << (org.edgemoe.hdl.core.Hdl.log2Up(heads) + org.edgemoe.hdl.core.Hdl.log2Up(org.edgemoe.model.ModelShape.HEAD_DIM / lanes()));
    }

    /** Words of the residual (and second-expert) buffer. */
    public int residWords() {
        return maxTokens * dim / lanes();
    }

    /** Address width that covers the largest buffer. */
    public int addrWidth() {
        int max = residWords();
        for (ActBuf b : ActBuf.values()) {
            max = Math.max(max, words(b));
        }
        int buffers = 32 - Integer.numberOfLeadingZeros(max - 1);
        // the QKV store's write addresses: region (2 bits) | token | output tile within the region
        int qkv = 2 + (32 - Integer.numberOfLeadingZeros(maxTokens - 1)) + (32 - Integer.numberOfLeadingZeros(dim / lanes() - 1));
        return Math.max(buffers, qkv);
    }
}
