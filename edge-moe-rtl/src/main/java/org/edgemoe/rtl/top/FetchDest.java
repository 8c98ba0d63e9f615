package org.edgemoe.rtl.top;

/** Where the beats of a weight-port transfer go. */
public enum FetchDest {
    /** The compute unit's weight stream (a linear layer's block, an expert's FC1 or FC2, the patch weights). */
    CU,
    /** LayerNorm parameters (gamma, then beta). */
    LN,
    /** The router's gate matrix (one gate column per 16 values). */
    GATE,
    /** pos_embed into the residual stream (4 bytes per value). */
    POS,
    /** The input image, for the pixel streamer. */
    PIXELS
}
