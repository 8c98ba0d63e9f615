package org.edgemoe.hdl.core;

import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;
import org.edgemoe.hdl.ir.Expr.UnaryOp;

/**
 * Common operations of Bits, UInt and SInt. Width rules (one each):
 * <ul>
 * <li>{@code and/or/xor}: max(wa, wb), the narrower operand extended by its signedness;</li>
 * <li>{@code not}: wa; {@code resize(n)}: n (extend by signedness, or keep the low bits);</li>
 * <li>{@code slice(hi, lo)}: hi - lo + 1; {@code bit(i)}: Bool;</li>
 * <li>{@code shl(n)}: wa + n; {@code shr(n)}: max(wa - n, 1);</li>
 * <li>{@code shl(UInt s)}: wa + 2^ws - 1 (nothing shifted out); {@code shr(UInt s)}: wa;</li>
 * <li>{@code eq/ne}: Bool, operands extended to the wider width; reductions: Bool.</li>
 * </ul>
 */
public abstract class BitVector<T extends BitVector<T>> extends Ground {
    final int width;

    BitVector(int width) {
        if (width < 1) {
            Builder.error("width must be at least 1: " + getClass().getSimpleName() + "(" + width + ")");
            width = 1;
        }
        this.width = width;
    }

    @Override
    public final int width() {
        return width;
    }

    /** A new unbound value of this kind with another width. */
    abstract T create(int width);

    @Override
    public T cloneType() {
        return create(width);
    }

    @SuppressWarnings("unchecked")
    final T node(Expr e) {
        T t = create(e.width());
        ((Ground) t).bindTo(Builder.current().node(e));
        return t;
    }

    final Expr readAs(int w) {
        return Exprs.extend(read(), w, signed());
    }

    final T bitwise(BinaryOp op, T o) {
        int w = Math.max(width, o.width());
        return node(new Expr.Binary(op, readAs(w), o.readAs(w), w, signed()));
    }

    public T and(T o) { return bitwise(BinaryOp.AND, o); }
    public T or(T o) { return bitwise(BinaryOp.OR, o); }
    public T xor(T o) { return bitwise(BinaryOp.XOR, o); }

    public T not() {
        return node(new Expr.Unary(UnaryOp.NOT, read(), width, signed()));
    }

    public Bool eq(T o) { return compare(BinaryOp.EQ, o); }
    public Bool ne(T o) { return compare(BinaryOp.NE, o); }

    final Bool compare(BinaryOp op, T o) {
        int w = Math.max(width, o.width());
        Expr a = readAs(w);
        Expr b = o.readAs(w);
        Expr.Const folded = ConstantCompare.fold(op, a, b, signed());
        return Bool.of(folded != null ? folded : new Expr.Binary(op, a, b, 1, signed()));
    }

    public Bool orR() { return Bool.of(new Expr.Unary(UnaryOp.OR_REDUCE, read(), 1, false)); }
    public Bool andR() { return Bool.of(new Expr.Unary(UnaryOp.AND_REDUCE, read(), 1, false)); }
    public Bool xorR() { return Bool.of(new Expr.Unary(UnaryOp.XOR_REDUCE, read(), 1, false)); }

    /** Bit {@code i} (0 = least significant). */
    public Bool bit(int i) {
        if (i < 0 || i >= width) {
            Builder.error("bit " + i + " of " + typeName() + " is out of range 0.." + (width - 1));
            return Bool.of(Exprs.zeros(1));
        }
        return Bool.of(new Expr.Slice(read(), i, i, false));
    }

    public Bool msb() { return bit(width - 1); }
    public Bool lsb() { return bit(0); }

    /** Bits hi..lo, as the same kind (SInt slices stay signed, so a slice of the top bits keeps the sign). */
    public T slice(int hi, int lo) {
        if (lo < 0 || hi >= width || hi < lo) {
            Builder.error("slice(" + hi + ", " + lo + ") of " + typeName() + " is out of range: need "
                    + (width - 1) + " >= hi >= lo >= 0");
            return node(Exprs.zeros(Math.max(1, hi - lo + 1)));
        }
        return node(new Expr.Slice(read(), hi, lo, signed()));
    }

    /** Extends by signedness or keeps the low bits. */
    public T resize(int newWidth) {
        if (newWidth < 1) {
            Builder.error("resize(" + newWidth + ") of " + typeName() + ": the width must be at least 1");
            newWidth = 1;
        }
        return node(Exprs.resize(read(), newWidth, signed()));
    }

    /** Shift left by a constant: appends n zeros. */
    public T shl(int n) {
        if (n < 0) {
            Builder.error("negative shift " + n + " of " + typeName());
            n = 0;
        }
        if (n == 0) {
            return node(read());
        }
        return node(Exprs.concat(java.util.List.of(read(), Exprs.zeros(n)), signed()));
    }

    /** Shift right by a constant: drops the n low bits (arithmetic for SInt). */
    public T shr(int n) {
        if (n < 0) {
            Builder.error("negative shift " + n + " of " + typeName());
            n = 0;
        }
        if (n >= width) {
            return signed() ? node(new Expr.Slice(read(), width - 1, width - 1, true)) : node(Exprs.zeros(1));
        }
        return node(new Expr.Slice(read(), width - 1, n, signed()));
    }

    /** Dynamic left shift; grows so no bit is lost. */
    public T shl(UInt amount) {
        if (amount.width() > 16) {
            Builder.error("dynamic shift amount " + amount.typeName() + " is too wide (at most 16 bits: the result grows by 2^width - 1)");
            return node(readAs(width));
        }
        int w = width + (1 << amount.width()) - 1;
        return node(new Expr.Binary(BinaryOp.SHL, readAs(w), amount.read(), w, signed()));
    }

    /** Dynamic right shift (arithmetic for SInt), same width. */
    public T shr(UInt amount) {
        return node(new Expr.Binary(signed() ? BinaryOp.SSHR : BinaryOp.SHR, read(), amount.read(), width, signed()));
    }

    /** The same bits as Bits. */
    public Bits asBits() { return Bits.of(new Expr.Reinterpret(read(), false)); }

    /** The same bits as UInt. */
    public UInt asUInt() { return UInt.of(new Expr.Reinterpret(read(), false)); }

    /** The same bits as SInt (two's complement). */
    public SInt asSInt() { return SInt.of(new Expr.Reinterpret(read(), true)); }

    /** Assigns a constant of this width; an error if it does not fit. */
    public void set(long value) {
        set(literal(value));
    }

    /** Register reset value as a constant. */
    public T init(long value) {
        return init(literal(value));
    }

    /** A constant of this type and width. */
    @SuppressWarnings("unchecked")
    public T literal(long value) {
        if (!fits(value)) {
            Builder.current().diagnostics.error(org.edgemoe.hdl.ir.SourceLoc.capture(),
                    "constant " + value + " does not fit " + typeName());
            value = 0;
        }
        return node(Exprs.constant(value, width, signed()));
    }

    /** A constant of this type, built in the current module (used by U(), S() and Bits()). */
    final T literalIn(long value) {
        return literal(value);
    }

    boolean fits(long value) {
        if (signed()) {
            return Exprs.signedWidth(value) <= width;
        }
        return value >= 0 && Exprs.unsignedWidth(value) <= width;
    }

    @Override
    public String typeName() {
        return getClass().getSimpleName() + "(" + width + ")";
    }
}
