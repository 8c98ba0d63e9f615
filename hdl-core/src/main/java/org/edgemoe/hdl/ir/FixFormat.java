package org.edgemoe.hdl.ir;

/**
 * A fixed-point number format. {@code intBits} counts the integer bits including the sign bit
 * (like HLS ap_fixed), so the total width is intBits + fracBits and the value is raw * 2^-fracBits.
 * intBits or fracBits may be negative (a format whose bits all sit right or left of the point).
 */
public record FixFormat(boolean signed, int intBits, int fracBits) {

    public FixFormat {
        if (intBits + fracBits < 1) {
            throw new IllegalArgumentException("fixed-point format needs at least one bit: int " + intBits + ", frac " + fracBits);
        }
    }

    public static FixFormat sfix(int intBits, int fracBits) {
        return new FixFormat(true, intBits, fracBits);
    }

    public static FixFormat ufix(int intBits, int fracBits) {
        return new FixFormat(false, intBits, fracBits);
    }

    public int width() {
        return intBits + fracBits;
    }

    /** Largest representable value, as a double. */
    public double max() {
        return Math.scalb(Math.pow(2, width() - (signed ? 1 : 0)) - 1, -fracBits);
    }

    public double min() {
        return signed ? -Math.scalb(1.0, intBits - 1) : 0;
    }

    /** Q notation, e.g. "SQ10.22" or "UQ0.8". */
    @Override
    public String toString() {
        return (signed ? "SQ" : "UQ") + intBits + "." + fracBits;
    }
}
