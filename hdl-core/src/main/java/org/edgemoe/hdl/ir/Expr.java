package org.edgemoe.hdl.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The expression language of the netlist. Every expression has an exact width and signedness;
 * the operator width rules live in the front end, which builds only well-typed expressions.
 */
public sealed interface Expr {

    int width();

    boolean signed();

    /**
     * The operands, in order (a memory read's address; none for a signal read or a constant). Every
     * traversal of expression trees goes through this, so a new node kind is one record, not one more
     * case in every pass.
     */
    List<Expr> children();

    /**
     * The same node with every operand replaced by {@code f(operand)} (width and signedness kept);
     * {@code this} when {@code f} changes nothing. Not recursive: {@code f} decides how deep to go.
     */
    Expr map(UnaryOperator<Expr> f);

    /** A read of a signal. */
    record Ref(Signal signal) implements Expr {
        public int width() { return signal.width(); }
        public boolean signed() { return signal.signed(); }
        public List<Expr> children() { return List.of(); }
        public Expr map(UnaryOperator<Expr> f) { return this; }
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

        public List<Expr> children() { return List.of(); }
        public Expr map(UnaryOperator<Expr> f) { return this; }
    }

    enum UnaryOp { NOT, NEG, AND_REDUCE, OR_REDUCE, XOR_REDUCE }

    record Unary(UnaryOp op, Expr a, int width, boolean signed) implements Expr {
        public List<Expr> children() { return List.of(a); }

        public Expr map(UnaryOperator<Expr> f) {
            Expr na = f.apply(a);
            return na == a ? this : new Unary(op, na, width, signed);
        }
    }

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
    record Binary(BinaryOp op, Expr a, Expr b, int width, boolean signed) implements Expr {
        public List<Expr> children() { return List.of(a, b); }

        public Expr map(UnaryOperator<Expr> f) {
            Expr na = f.apply(a);
            Expr nb = f.apply(b);
            return na == a && nb == b ? this : new Binary(op, na, nb, width, signed);
        }
    }

    record Mux(Expr cond, Expr whenTrue, Expr whenFalse) implements Expr {
        public int width() { return whenTrue.width(); }
        public boolean signed() { return whenTrue.signed(); }
        public List<Expr> children() { return List.of(cond, whenTrue, whenFalse); }

        public Expr map(UnaryOperator<Expr> f) {
            Expr c = f.apply(cond);
            Expr t = f.apply(whenTrue);
            Expr e = f.apply(whenFalse);
            return c == cond && t == whenTrue && e == whenFalse ? this : new Mux(c, t, e);
        }
    }

    /** Bits hi..lo of {@code a}, unsigned unless re-interpreted. */
    record Slice(Expr a, int hi, int lo, boolean signed) implements Expr {
        public int width() { return hi - lo + 1; }
        public List<Expr> children() { return List.of(a); }

        public Expr map(UnaryOperator<Expr> f) {
            Expr na = f.apply(a);
            return na == a ? this : new Slice(na, hi, lo, signed);
        }
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

        public List<Expr> children() { return parts; }

        public Expr map(UnaryOperator<Expr> f) {
            List<Expr> out = new ArrayList<>(parts.size());
            boolean changed = false;
            for (Expr p : parts) {
                Expr np = f.apply(p);
                changed |= np != p;
                out.add(np);
            }
            return changed ? new Concat(List.copyOf(out), signed) : this;
        }
    }

    /** Zero or sign extension of {@code a} (by its own signedness) to {@code width}. */
    record Extend(Expr a, int width, boolean signed) implements Expr {
        public List<Expr> children() { return List.of(a); }

        public Expr map(UnaryOperator<Expr> f) {
            Expr na = f.apply(a);
            return na == a ? this : new Extend(na, width, signed);
        }
    }

    /** Same bits, other signedness (UInt to SInt and back): no logic. */
    record Reinterpret(Expr a, boolean signed) implements Expr {
        public int width() { return a.width(); }
        public List<Expr> children() { return List.of(a); }

        public Expr map(UnaryOperator<Expr> f) {
            Expr na = f.apply(a);
            return na == a ? this : new Reinterpret(na, signed);
        }
    }

    /** Combinational (asynchronous) read of a memory. */
    record MemRead(Memory memory, Expr address) implements Expr {
        public int width() { return memory.width(); }
        public boolean signed() { return memory.signed(); }
        public List<Expr> children() { return List.of(address); }

        public Expr map(UnaryOperator<Expr> f) {
            Expr na = f.apply(address);
            return na == address ? this : new MemRead(memory, na);
        }
    }
}
