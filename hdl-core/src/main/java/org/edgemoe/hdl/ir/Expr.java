package org.edgemoe.hdl.ir;

import java.math.BigInteger;
import java.util.List;

/**
 * The expression language of the netlist. Every expression has an exact width and signedness;
 * the operator width rules live in the front end, which builds only well-typed expressions.
 */
public sealed interface Expr {

    int width();

    boolean signed();

    /** A read of a signal. */
    record Ref(Signal signal) implements Expr {
        public int width() { return signal.width(); }
        public boolean signed() { return signal.signed(); }
    }

    /** A constant; {@code value} is the two's-complement bit pattern, 0 <= value < 2^width. */
    record Const(BigInteger value, int width, boolean signed) implements Expr {
        public Const {
            if (value.signum() < 0 || value.bitLength() > width) {
                throw new IllegalArgumentException("constant pattern " + value + " does not fit " + width + " bits");
            }
        }

        public static Const of(long v, int width, boolean signed) {
            BigInteger pattern = BigInteger.valueOf(v);
            if (v < 0) {
                pattern = pattern.add(BigInteger.ONE.shiftLeft(width));
            }
            return new Const(pattern, width, signed);
        }

        /** The value read as a signed or unsigned integer, per {@link #signed()}. */
        public BigInteger numeric() {
            if (signed && value.testBit(width - 1)) {
                return value.subtract(BigInteger.ONE.shiftLeft(width));
            }
            return value;
        }
    }

    enum UnaryOp { NOT, NEG, AND_REDUCE, OR_REDUCE, XOR_REDUCE }

    record Unary(UnaryOp op, Expr a, int width, boolean signed) implements Expr { }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), AND("&"), OR("|"), XOR("^"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        SHL("<<"), SHR(">>"), SSHR(">>>");

        public final String verilog;

        BinaryOp(String verilog) { this.verilog = verilog; }

        public boolean isComparison() {
            return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
        }

        public boolean isShift() {
            return this == SHL || this == SHR || this == SSHR;
        }
    }

    /**
     * Binary operator. Arithmetic and bitwise operands have the result's width (the legalise pass
     * extends them); comparison operands have equal widths; a shift's right operand is unsigned.
     */
    record Binary(BinaryOp op, Expr a, Expr b, int width, boolean signed) implements Expr { }

    record Mux(Expr cond, Expr whenTrue, Expr whenFalse) implements Expr {
        public int width() { return whenTrue.width(); }
        public boolean signed() { return whenTrue.signed(); }
    }

    /** Bits hi..lo of {@code a}, unsigned unless re-interpreted. */
    record Slice(Expr a, int hi, int lo, boolean signed) implements Expr {
        public int width() { return hi - lo + 1; }
    }

    /** Concatenation, most significant part first. */
    record Concat(List<Expr> parts, boolean signed) implements Expr {
        public int width() {
            int w = 0;
            for (Expr p : parts) {
                w += p.width();
            }
            return w;
        }
    }

    /** Zero or sign extension of {@code a} (by its own signedness) to {@code width}. */
    record Extend(Expr a, int width, boolean signed) implements Expr { }

    /** Same bits, other signedness (UInt to SInt and back): no logic. */
    record Reinterpret(Expr a, boolean signed) implements Expr {
        public int width() { return a.width(); }
    }

    /** Combinational (asynchronous) read of a memory. */
    record MemRead(Memory memory, Expr address) implements Expr {
        public int width() { return memory.width(); }
        public boolean signed() { return memory.signed(); }
    }
}
