package org.edgemoe.hdl.fixed;

/** How bits below the destination LSB are dropped when a value is quantised. */
public enum Rounding {
    /** Floor: toward minus infinity (HLS AP_TRN, a plain arithmetic right shift). */
    TRUNCATE,
    /** Round to nearest, an exact half goes toward plus infinity (HLS AP_RND; add half an LSB, then shift). */
    ROUND_HALF_UP,
    /** Round to nearest, an exact half goes to the even neighbour (HLS AP_RND_CONV). */
    CONVERGENT
}
