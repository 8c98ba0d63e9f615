package org.edgemoe.hdl.fixed;

/** What happens when a value does not fit the destination's integer range. */
public enum Overflow {
    /** Keep the low {@code width} bits (two's complement modulo 2^width; HLS AP_WRAP). */
    WRAP,
    /** Clamp to the most negative or most positive representable value (HLS AP_SAT). */
    SATURATE
}
