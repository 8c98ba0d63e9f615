package org.edgemoe.hdl.core;

/** What happens when a resized fixed-point value does not fit the target's integer bits. */
public enum Overflow {
    /** Keep the low bits (two's-complement wrap; HLS AP_WRAP). */
    WRAP,
    /** Clamp to the largest or smallest representable value (HLS AP_SAT). */
    SATURATE
}
