package org.edgemoe.model;

/** Dimensions of M3ViT-tiny as run by Edge-MoE (reference section 1). */
public final class ModelShape {
    public static final int CHANNELS = 3;
    public static final int IMAGE_H = 128;
    public static final int IMAGE_W = 256;
    public static final int PATCH = 16;
    public static final int PATCHES = (IMAGE_H / PATCH) * (IMAGE_W / PATCH);
    /** Patch-embedding dot-product length, in (channel, row, column) order. */
    public static final int PATCH_IN = CHANNELS * PATCH * PATCH;
    /** CLS token at position 0, then the 128 patches. */
    public static final int TOKENS = PATCHES + 1;

    /** A run's token count (the CLS token and the first {@code tokens - 1} patches) must be 1 .. {@link #TOKENS}. */
    public static int checkTokens(int tokens) {
        if (tokens < 1 || tokens > TOKENS) {
            throw new IllegalArgumentException("tokens must be 1.." + TOKENS + ", not " + tokens);
        }
        return tokens;
    }
    public static final int DIM = 192;
    public static final int HEADS = 3;
    public static final int HEAD_DIM = DIM / HEADS;
    public static final int LAYERS = 12;
    public static final int MLP_HIDDEN = 768;
    public static final int EXPERTS = 16;
    public static final int EXPERT_HIDDEN = 384;
    public static final int TOP_K = 2;
    public static final int TASKS = 2;
    public static final double LN_EPS = 1e-6;
    /** 1/sqrt(HEAD_DIM) = 2^-3: a shift in hardware. */
    public static final int SCORE_SCALE_SHIFT = 3;

    private ModelShape() {
    }

    /** Odd layers hold the Mixture of Experts; even layers a dense MLP. */
    public static boolean isMoe(int layer) {
        return layer % 2 == 1;
    }
}
