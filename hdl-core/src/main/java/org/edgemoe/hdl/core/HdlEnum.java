package org.edgemoe.hdl.core;

import java.math.BigInteger;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.SourceLoc;

/**
 * A hardware value of a Java enum (SpinalHDL's SpinalEnum, Chisel's ChiselEnum), for state machines:
 * {@code HdlEnum<State> s = reg(Enum(State.class)).init(State.IDLE)}. Encoded by ordinal in
 * {@link Encoding#BINARY} (width log2Up(n)) or {@link Encoding#ONE_HOT} (width n, bit {@code ordinal} set).
 * Only values of the same enum class and encoding can be assigned, compared or muxed together.
 */
public final class HdlEnum<E extends Enum<E>> extends Ground {

    /** How values are encoded in bits. */
    public enum Encoding { BINARY, ONE_HOT }

    private final Class<E> enumClass;
    private final Encoding encoding;

    HdlEnum(Class<E> enumClass, Encoding encoding) {
        if (enumClass.getEnumConstants().length == 0) {
            throw new IllegalArgumentException("enum " + enumClass.getSimpleName() + " has no values");
        }
        this.enumClass = enumClass;
        this.encoding = encoding;
    }

    public Class<E> enumClass() { return enumClass; }
    public Encoding encoding() { return encoding; }

    /** The enum's values, in ordinal order. */
    public E[] values() { return enumClass.getEnumConstants(); }

    @Override
    public int width() {
        int n = values().length;
        return encoding == Encoding.ONE_HOT ? n : Hdl.log2Up(n);
    }

    @Override public boolean signed() { return false; }

    @Override
    public String typeName() {
        return "Enum(" + enumClass.getSimpleName() + (encoding == Encoding.ONE_HOT ? ", one-hot" : "") + ")";
    }

    @Override
    public HdlEnum<E> cloneType() {
        return new HdlEnum<>(enumClass, encoding);
    }

    @Override
    public boolean sameTypeAs(Ground other) {
        return other instanceof HdlEnum<?> o && o.enumClass == enumClass && o.encoding == encoding;
    }

    /** The bit pattern of {@code value} in this encoding. */
    public BigInteger code(E value) {
        int k = value.ordinal();
        return encoding == Encoding.ONE_HOT ? BigInteger.ONE.shiftLeft(k) : BigInteger.valueOf(k);
    }

    Expr.Const constExpr(E value) {
        return new Expr.Const(code(value), width(), false);
    }

    /** A constant of this enum type, e.g. for {@code mux} or {@code set}. */
    public HdlEnum<E> literal(E value) {
        return sameTypeNode(constExpr(value));
    }

    /** High when this value is {@code value} (one-hot: its bit). */
    public Bool is(E value) {
        if (encoding == Encoding.ONE_HOT) {
            return Bool.of(new Expr.Slice(read(), value.ordinal(), value.ordinal(), false));
        }
        return Bool.of(new Expr.Binary(Expr.BinaryOp.EQ, read(), constExpr(value), 1, false));
    }

    /** High when this value is not {@code value}. */
    public Bool isNot(E value) {
        return is(value).not();
    }

    /** High when this value is any of {@code values}. */
    @SafeVarargs
    public final Bool isOneOf(E... values) {
        Bool r = Hdl.B(false);
        for (E v : values) {
            r = r.or(is(v));
        }
        return r;
    }

    public Bool eq(HdlEnum<E> other) { return compare(Expr.BinaryOp.EQ, other); }
    public Bool ne(HdlEnum<E> other) { return compare(Expr.BinaryOp.NE, other); }

    private Bool compare(Expr.BinaryOp op, HdlEnum<E> other) {
        if (!sameTypeAs(other)) {
            Builder.current().diagnostics.error(SourceLoc.capture(),
                    "type mismatch: cannot compare " + other.typeName() + " with " + typeName());
            return Hdl.B(false);
        }
        return Bool.of(new Expr.Binary(op, read(), other.read(), 1, false));
    }

    /** Assigns the constant {@code value}. */
    public void set(E value) {
        set(literal(value));
    }

    /** Register reset value. */
    public HdlEnum<E> init(E value) {
        return init(literal(value));
    }

    /** The encoded bits. */
    public Bits asBits() {
        return Bits.of(new Expr.Reinterpret(read(), false));
    }

    /** The encoded bits as UInt (the ordinal, for the binary encoding). */
    public UInt asUInt() {
        return UInt.of(new Expr.Reinterpret(read(), false));
    }
}
