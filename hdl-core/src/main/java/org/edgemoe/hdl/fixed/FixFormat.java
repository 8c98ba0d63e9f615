package org.edgemoe.hdl.fixed;

import java.math.BigInteger;

/**
 * A binary fixed-point number format, the one format type of the project: the hardware library's
 * {@code Fix} signals and the golden models both use it. A value is a {@link #width()}-bit two's
 * complement (signed) or plain binary (unsigned) integer {@code raw} standing for
 * {@code raw * 2^-fracBits}. {@code intBits} counts the integer bits including the sign bit (HLS's I in
 * {@code ap_fixed<W, I>}), so the width is {@code intBits + fracBits}. Either may be negative (a format
 * whose bits all sit right or left of the binary point), but the width is at least one bit.
 *
 * <p>Printed in Q notation everywhere (docs, manifest, module parameters): {@code SQ8.10} is signed with 8
 * integer bits (sign included) and 10 fraction bits, 18 bits wide; {@code UQ0.8} an unsigned byte fraction.
 */
public record FixFormat(boolean signed, int intBits, int fracBits) {

    public FixFormat {
        if (intBits + fracBits < 1) {
            throw new IllegalArgumentException("fixed-point format needs at least one bit: int " + intBits + ", frac " + fracBits);
        }
    }

    /** Signed format from integer bits (sign included) and fraction bits. */
    public static FixFormat sfix(int intBits, int fracBits) {
        return new FixFormat(true, intBits, fracBits);
    }

    /** Unsigned format from integer bits and fraction bits. */
    public static FixFormat ufix(int intBits, int fracBits) {
        return new FixFormat(false, intBits, fracBits);
    }

    /** Format from its total width and fraction bits. */
    public static FixFormat ofWidth(boolean signed, int width, int fracBits) {
        if (width < 1) {
            throw new IllegalArgumentException("fixed-point width must be >= 1, got " + width);
        }
        return new FixFormat(signed, width - fracBits, fracBits);
    }

    /** Signed format from total width and integer bits (sign included), like HLS {@code ap_fixed<W, I>}. */
    public static FixFormat signedWI(int width, int intBits) {
        return ofWidth(true, width, width - intBits);
    }

    /** Unsigned format from total width and integer bits, like HLS {@code ap_ufixed<W, I>}. */
    public static FixFormat unsignedWI(int width, int intBits) {
        return ofWidth(false, width, width - intBits);
    }

    public int width() {
        return intBits + fracBits;
    }

    public BigInteger minRaw() {
        return signed ? BigInteger.ONE.shiftLeft(width() - 1).negate() : BigInteger.ZERO;
    }

    public BigInteger maxRaw() {
        return signed ? BigInteger.ONE.shiftLeft(width() - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(width()).subtract(BigInteger.ONE);
    }

    /** True when raw values fit a Java long, so the {@link FixedRaw} fast path applies. */
    public boolean fitsLong() {
        return signed ? width() <= 64 : width() <= 63;
    }

    /** Value of one LSB. */
    public double lsb() {
        return Math.scalb(1.0, -fracBits);
    }

    /** Smallest representable value. */
    public double minValue() {
        return Math.scalb(minRaw().doubleValue(), -fracBits);
    }

    /** Largest representable value. */
    public double maxValue() {
        return Math.scalb(maxRaw().doubleValue(), -fracBits);
    }

    /** Bits of a two's-complement integer holding every value in [min, max]. */
    public static int signedWidth(long min, long max) {
        int w = 1;
        while (w < 64 && (min < -(1L << (w - 1)) || max > (1L << (w - 1)) - 1)) {
            w++;
        }
        return w;
    }

    /** Q notation, e.g. "SQ10.22" or "UQ0.8". */
    @Override
    public String toString() {
        return (signed ? "SQ" : "UQ") + intBits + "." + fracBits;
    }
}
