package org.edgemoe.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.fixed.Fixed;

/**
 * A typed handle on a port of an hdl-core design, reached through the elaborated module's own field
 * ({@code sim.port(dut.enable)}): an IDE rename renames the test too. It reads and writes values in the port's
 * own type, the way SpinalSim's {@code dut.io.x #= 1} / {@code dut.io.x.toInt} do:
 * <pre>
 * sim.port(dut.enable).set(true);
 * sim.port(dut.x).set(-0.0703);          // Fix: the real value, rounded to the format (out of range: an error)
 * sim.port(dut.state).set(State.RUN);    // HdlEnum
 * double y = sim.port(dut.y).toDouble(); // Fix: the real value; toLong() the integer, raw() the bit pattern
 * </pre>
 */
public final class Port {
    private final SimSignal signal;
    private final Ground ground;
    private final ValueFormat format;

    Port(SimSignal signal, Ground ground) {
        this.signal = signal;
        this.ground = ground;
        this.format = formatOf(ground);
    }

    static ValueFormat formatOf(Ground g) {
        if (g instanceof Fix f) {
            return ValueFormat.of(f.format());
        }
        if (g instanceof HdlEnum<?> e) {
            return new ValueFormat(g.width(), false, null, e.enumClass(), e.encoding() == HdlEnum.Encoding.ONE_HOT);
        }
        return ValueFormat.integer(g.width(), g.signed());
    }

    /** The raw signal underneath (the string-addressed API). */
    public SimSignal signal() {
        return signal;
    }

    public String name() {
        return signal.name();
    }

    public ValueFormat format() {
        return format;
    }

    /** An integer value: unsigned, or negative for a signed port (two's complement); for a Fix port, its integer value. */
    public Port set(long value) {
        if (format.isFixed()) {
            return set(BigDecimal.valueOf(value));
        }
        if (value < 0 && !format.signed()) {
            throw new IllegalArgumentException("port " + name() + " is " + format + ": " + value + " is negative");
        }
        signal.poke(value);
        return this;
    }

    public Port set(boolean value) {
        signal.poke(value);
        return this;
    }

    public Port set(BigInteger value) {
        signal.poke(value);
        return this;
    }

    /** A Fix port's real value, rounded to nearest (ties away from zero) in its format; out of range is an error. */
    public Port set(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("port " + name() + ": " + value + " is not a number");
        }
        return set(new BigDecimal(value));
    }

    private Port set(BigDecimal value) {
        if (!format.isFixed()) {
            throw new IllegalArgumentException("port " + name() + " is " + format + ", not fixed point: set an integer");
        }
        int frac = format.fix().fracBits();
        BigDecimal scaled = frac >= 0 ? value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(frac)))
            : value.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-frac)));
        BigInteger raw = scaled.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (raw.compareTo(format.fix().minRaw()) < 0 || raw.compareTo(format.fix().maxRaw()) > 0) {
            throw new IllegalArgumentException("port " + name() + ": " + value.stripTrailingZeros().toPlainString()
                + " does not fit " + format.fix() + " (" + format.fix().minValue() + " .. " + format.fix().maxValue() + ")");
        }
        signal.poke(raw);
        return this;
    }

    /** An exact fixed-point value; its format must be the port's. */
    public Port set(Fixed value) {
        if (!value.format().equals(format.fix())) {
            throw new IllegalArgumentException("port " + name() + " is " + format + ", the value is " + value.format());
        }
        signal.poke(value.raw());
        return this;
    }

    /** An enumeration value of an HdlEnum port. */
    public <E extends Enum<E>> Port set(E value) {
        if (!(ground instanceof HdlEnum<?> e) || e.enumClass() != value.getDeclaringClass()) {
            throw new IllegalArgumentException("port " + name() + " is " + format + ", not " + value.getDeclaringClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        HdlEnum<E> typed = (HdlEnum<E>) e;
        signal.poke(typed.code(value));
        return this;
    }

    /** Sets the bit pattern as is (fixed point: the raw integer). */
    public Port setRaw(long raw) {
        signal.poke(raw);
        return this;
    }

    /** The bit pattern, unsigned (at most 64 bits; see {@link #rawBig()}). */
    public long raw() {
        return signal.peek();
    }

    public BigInteger rawBig() {
        return signal.peekBig();
    }

    /** The integer value: sign-extended for a signed port (for Fix: the raw value read as an integer). */
    public long toLong() {
        return format.signed() ? signal.peekSigned() : signal.peek();
    }

    public BigInteger toBigInteger() {
        return format.numeric(signal.peekBig());
    }

    public boolean toBoolean() {
        return signal.peekBoolean();
    }

    /** A Fix port's real value (exact for up to 53 significant bits). */
    public double toDouble() {
        return toBigDecimal().doubleValue();
    }

    public BigDecimal toBigDecimal() {
        return format.real(signal.peekBig());
    }

    public Fixed toFixed() {
        if (!format.isFixed()) throw new IllegalStateException("port " + name() + " is " + format + ", not fixed point");
        return new Fixed(format.numeric(signal.peekBig()), format.fix());
    }

    /** The enumeration value of an HdlEnum port. */
    public <E extends Enum<E>> E toEnum(Class<E> type) {
        if (!(ground instanceof HdlEnum<?> e) || e.enumClass() != type) {
            throw new IllegalArgumentException("port " + name() + " is " + format + ", not " + type.getSimpleName());
        }
        int code = (int) signal.peek();
        int ordinal = format.oneHot() ? Integer.numberOfTrailingZeros(code) : code;
        E[] values = type.getEnumConstants();
        if (ordinal >= values.length || (format.oneHot() && Integer.bitCount(code) != 1)) {
            throw new IllegalStateException("port " + name() + " holds " + Long.toHexString(code) + ", no " + type.getSimpleName());
        }
        return values[ordinal];
    }

    /** The current value in the port's format, e.g. {@code io_y = -0.0703125 (raw 0xfb80)}. */
    @Override
    public String toString() {
        return name() + " = " + format.show(signal.peekBig());
    }
}
