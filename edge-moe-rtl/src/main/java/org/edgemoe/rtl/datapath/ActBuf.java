package org.edgemoe.rtl.datapath;

/** The act-format activation buffers of one layer (the residual stream and the second-expert sums are resid-format). */
public enum ActBuf {
    /** LayerNorm output: the input of QKV, FC1, the gate and every expert's FC1. */
    LNO,
    /** Q, K and V of every token (3 D wide). */
    QKV,
    /** Attention output rows: the projection's input. */
    ATT,
    /** The hidden layer (FC1 and expert FC1 outputs after GELU): FC2's input. */
    HID
}
