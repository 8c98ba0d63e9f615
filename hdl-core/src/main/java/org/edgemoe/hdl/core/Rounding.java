package org.edgemoe.hdl.core;

/** How dropped fraction bits are rounded when a fixed-point value is resized. */
public enum Rounding {
    /** Floor: drop the bits (truncate toward minus infinity; HLS AP_TRN). */
    TRUNCATE,
    /** Round to nearest, ties toward plus infinity (HLS AP_RND). */
    ROUND_HALF_UP,
    /** Round to nearest, ties to even (HLS AP_RND_CONV). */
    CONVERGENT
}
