package org.edgemoe.rtl.isa;

/** The on-chip activation buffers a command names as source, destination or auxiliary (4-bit ids). */
public enum Buf {
    /** The residual stream (resid format, tokens x D). */
    RES(0),
    /** LayerNorm output. */
    LNO(1),
    /** Q, K and V (tokens x 3D). */
    QKV(2),
    /** Attention output rows. */
    ATT(3),
    /** The hidden layer (tokens x 768, or an expert's 384). */
    HID(4),
    /** Second-expert accumulator (resid format), added into RES best expert first. */
    SEC(5);

    public final int id;

    Buf(int id) {
        this.id = id;
    }

    public static Buf of(int id) {
        for (Buf b : values()) {
            if (b.id == id) {
                return b;
            }
        }
        return null;
    }
}
