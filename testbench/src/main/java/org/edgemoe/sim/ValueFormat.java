package org.edgemoe.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * How to read the bit pattern of a port: width, signedness and, for a port declared in hdl-core, its fixed-point
 * format or enumeration. {@link #show} prints a raw value the way a test wants to read it:
 * {@code -0.0703125 (raw 0xfb80)} for SQ2.14, {@code -5 (0xfb)} for SInt(8), {@code RUN (0x1)} for an enum,
 * {@code 61422 (0xefee)} for UInt.
 */
public record ValueFormat(int width, boolean signed, FixFormat fix, Class<? extends Enum<?>> enumClass, boolean oneHot) {

    /** An unsigned (or two's complement) integer of {@code width} bits. */
    public static ValueFormat integer(int width, boolean signed) {
        return new ValueFormat(width, signed, null, null, false);
    }

    public static ValueFormat of(FixFormat fix) {
        return new ValueFormat(fix.width(), fix.signed(), fix, null, false);
    }

    public boolean isFixed() {
        return fix != null;
    }

    /** The raw pattern (unsigned, low {@code width} bits) read as a number: sign-extended when signed. */
    public BigInteger numeric(BigInteger raw) {
        BigInteger r = raw.signum() < 0 ? raw.add(BigInteger.ONE.shiftLeft(width)) : raw;
        if (signed && r.testBit(width - 1)) {
            return r.subtract(BigInteger.ONE.shiftLeft(width));
        }
        return r;
    }

    /** The real value of a fixed-point pattern (exact). */
    public BigDecimal real(BigInteger raw) {
        if (fix == null) {
            return new BigDecimal(numeric(raw));
        }
        BigDecimal v = new BigDecimal(numeric(raw));
        int frac = fix.fracBits();
        return frac >= 0 ? v.divide(new BigDecimal(BigInteger.ONE.shiftLeft(frac))) : v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(-frac)));
    }

    public String show(long raw) {
        return show(width >= 64 ? new BigInteger(Long.toUnsignedString(raw)) : BigInteger.valueOf(raw & mask()));
    }

    public String show(BigInteger raw) {
        BigInteger unsigned = raw.signum() < 0 ? raw.add(BigInteger.ONE.shiftLeft(width)) : raw;
        String hex = "0x" + unsigned.toString(16);
        if (fix != null) {
            return decimal(real(unsigned)) + " (raw " + hex + ")";
        }
        if (enumClass != null) {
            int code = unsigned.intValue();
            int ordinal = oneHot ? (Integer.bitCount(code) == 1 ? Integer.numberOfTrailingZeros(code) : -1) : code;
            Enum<?>[] values = enumClass.getEnumConstants();
            String name = ordinal >= 0 && ordinal < values.length ? values[ordinal].name() : "<no " + enumClass.getSimpleName() + ">";
            return name + " (" + hex + ")";
        }
        return numeric(unsigned) + " (" + hex + ")";
    }

    /** A real value with at most 6 significant digits (exact when shorter), plain notation. */
    static String decimal(BigDecimal v) {
        BigDecimal r = v.signum() == 0 ? BigDecimal.ZERO : v.round(new MathContext(6));
        String s = r.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private long mask() {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    @Override
    public String toString() {
        if (fix != null) return fix.toString();
        if (enumClass != null) return enumClass.getSimpleName();
        return (signed ? "SInt(" : "UInt(") + width + ")";
    }
}
