package org.edgemoe.hdl.fixed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact fixed-point value of any width: the general, BigInteger-backed reference for
 * {@link FixedRaw}. Arithmetic ({@link #add}, {@link #subtract}, {@link #multiply}, {@link #negate})
 * is exact and returns the smallest HLS-style format that holds every possible result;
 * {@link #resize} is the only lossy step (quantisation then overflow).
 */
public record Fixed(BigInteger raw, FixFormat format) {

    public Fixed {
        Objects.requireNonNull(raw);
        Objects.requireNonNull(format);
        if (raw.compareTo(format.minRaw()) < 0 || raw.compareTo(format.maxRaw()) > 0) {
            throw new IllegalArgumentException("raw " + raw + " out of range of " + format);
        }
    }

    public static Fixed ofRaw(long raw, FixFormat format) {
        return new Fixed(BigInteger.valueOf(raw), format);
    }

    /** Quantises the exact binary value of {@code value} into {@code format}. */
    public static Fixed fromDouble(double value, FixFormat format, Rounding rounding, Overflow overflow) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        BigDecimal exact = new BigDecimal(value);
        // value * 2^(frac + extra) is an integer once frac + extra covers a double's 1074 fraction bits.
        int extra = 1100 + Math.max(0, -format.fracBits());
        BigInteger scaled = exact.multiply(pow2(format.fracBits() + extra)).toBigIntegerExact();
        return fit(quantise(scaled, extra, rounding), format, overflow);
    }

    private static BigDecimal pow2(int exponent) {
        return exponent >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(exponent))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exponent)));
    }

    public long rawLong() {
        return raw.longValueExact();
    }

    public double toDouble() {
        return toBigDecimal().doubleValue();
    }

    public BigDecimal toBigDecimal() {
        return new BigDecimal(raw).multiply(pow2(-format.fracBits()));
    }

    public Fixed add(Fixed other) {
        return alignedSum(other, false);
    }

    public Fixed subtract(Fixed other) {
        return alignedSum(other, true);
    }

    private Fixed alignedSum(Fixed other, boolean subtract) {
        int frac = Math.max(format.fracBits(), other.format.fracBits());
        boolean signed = subtract || format.signed() || other.format.signed();
        int intBits = Math.max(intBitsAs(format, signed), intBitsAs(other.format, signed)) + 1;
        BigInteger a = raw.shiftLeft(frac - format.fracBits());
        BigInteger b = other.raw.shiftLeft(frac - other.format.fracBits());
        return new Fixed(subtract ? a.subtract(b) : a.add(b), FixFormat.ofWidth(signed, Math.max(1, intBits + frac), frac));
    }

    /** Integer bits a format needs when its values are held in a format of the given signedness. */
    private static int intBitsAs(FixFormat f, boolean signed) {
        return signed && !f.signed() ? f.intBits() + 1 : f.intBits();
    }

    public Fixed multiply(Fixed other) {
        FixFormat f = FixFormat.ofWidth(format.signed() || other.format.signed(),
                format.width() + other.format.width(), format.fracBits() + other.format.fracBits());
        return new Fixed(raw.multiply(other.raw), f);
    }

    public Fixed negate() {
        FixFormat f = FixFormat.ofWidth(true, format.width() + 1, format.fracBits());
        return new Fixed(raw.negate(), f);
    }

    /** Converts to {@code target}: drop fraction bits with {@code rounding}, then fit the range with {@code overflow}. */
    public Fixed resize(FixFormat target, Rounding rounding, Overflow overflow) {
        int shift = format.fracBits() - target.fracBits();
        BigInteger q = shift >= 0 ? quantise(raw, shift, rounding) : raw.shiftLeft(-shift);
        return fit(q, target, overflow);
    }

    /** {@code round(raw / 2^shift)} for {@code shift >= 0}. */
    static BigInteger quantise(BigInteger raw, int shift, Rounding rounding) {
        if (shift == 0) {
            return raw;
        }
        BigInteger floor = raw.shiftRight(shift); // BigInteger shifts floor toward minus infinity
        BigInteger rem = raw.subtract(floor.shiftLeft(shift));
        BigInteger half = BigInteger.ONE.shiftLeft(shift - 1);
        switch (rounding) {
            case TRUNCATE:
                return floor;
            case ROUND_HALF_UP:
                return rem.compareTo(half) >= 0 ? floor.add(BigInteger.ONE) : floor;
            case CONVERGENT: {
                int c = rem.compareTo(half);
                if (c > 0 || (c == 0 && floor.testBit(0))) {
                    return floor.add(BigInteger.ONE);
                }
                return floor;
            }
            default:
                throw new IllegalArgumentException(String.valueOf(rounding));
        }
    }

    static Fixed fit(BigInteger raw, FixFormat f, Overflow overflow) {
        if (raw.compareTo(f.minRaw()) >= 0 && raw.compareTo(f.maxRaw()) <= 0) {
            return new Fixed(raw, f);
        }
        if (overflow == Overflow.SATURATE) {
            return new Fixed(raw.signum() < 0 ? f.minRaw() : f.maxRaw(), f);
        }
        BigInteger modulus = BigInteger.ONE.shiftLeft(f.width());
        BigInteger low = raw.mod(modulus);
        if (f.signed() && low.testBit(f.width() - 1)) {
            low = low.subtract(modulus);
        }
        return new Fixed(low, f);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString() + " (" + format + " raw " + raw + ")";
    }
}
