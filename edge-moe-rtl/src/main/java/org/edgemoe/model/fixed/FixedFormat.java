package org.edgemoe.model.fixed;

import java.math.BigInteger;

/**
 * A binary fixed-point number format: {@code width} bits of two's complement (signed) or plain
 * binary (unsigned) integer {@code raw}, representing {@code raw * 2^-fracBits}.
 * {@code fracBits} may be negative or exceed {@code width}. In HLS terms {@code ap_fixed<W, I>}
 * is {@code FixedFormat(true, W, W - I)} and {@code ap_ufixed<W, I>} is {@code (false, W, W - I)}.
 */
public record FixedFormat(boolean signed, int width, int fracBits) {

    public FixedFormat {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
    }

    /** Signed format from total width and integer bits (sign included), like {@code ap_fixed<W, I>}. */
    public static FixedFormat signedWI(int width, int intBits) {
        return new FixedFormat(true, width, width - intBits);
    }

    /** Unsigned format from total width and integer bits, like {@code ap_ufixed<W, I>}. */
    public static FixedFormat unsignedWI(int width, int intBits) {
        return new FixedFormat(false, width, width - intBits);
    }

    /** Integer bits, sign included for a signed format (HLS's I). */
    public int intBits() {
        return width - fracBits;
    }

    public BigInteger minRaw() {
        return signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
    }

    public BigInteger maxRaw() {
        return signed ? BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** True when raw values fit a Java long, so the {@link FixedRaw} fast path applies. */
    public boolean fitsLong() {
        return signed ? width <= 64 : width <= 63;
    }

    /** Value of one LSB. */
    public double lsb() {
        return Math.scalb(1.0, -fracBits);
    }

    public double minValue() {
        return Math.scalb(minRaw().doubleValue(), -fracBits);
    }

    public double maxValue() {
        return Math.scalb(maxRaw().doubleValue(), -fracBits);
    }

    @Override
    public String toString() {
        return (signed ? "S" : "U") + width + "." + fracBits;
    }
}
