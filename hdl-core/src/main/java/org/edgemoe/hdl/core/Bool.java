package org.edgemoe.hdl.core;

import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;

/** A single bit. */
public final class Bool extends Ground {

    @Override public int width() { return 1; }
    @Override public boolean signed() { return false; }
    @Override public String typeName() { return "Bool"; }
    @Override public Bool cloneType() { return new Bool(); }

    static Bool of(Expr e) {
        Bool b = new Bool();
        b.bindTo(Builder.current().node(e));
        return b;
    }

    public Bool and(Bool o) { return of(new Expr.Binary(BinaryOp.AND, read(), o.read(), 1, false)); }
    public Bool or(Bool o) { return of(new Expr.Binary(BinaryOp.OR, read(), o.read(), 1, false)); }
    public Bool xor(Bool o) { return of(new Expr.Binary(BinaryOp.XOR, read(), o.read(), 1, false)); }
    public Bool not() { return of(new Expr.Unary(Expr.UnaryOp.NOT, read(), 1, false)); }
    public Bool eq(Bool o) { return of(new Expr.Binary(BinaryOp.EQ, read(), o.read(), 1, false)); }
    public Bool ne(Bool o) { return of(new Expr.Binary(BinaryOp.NE, read(), o.read(), 1, false)); }

    /** Assigns a constant. */
    public void set(boolean value) {
        set(Hdl.B(value));
    }

    /** Register reset value. */
    public Bool init(boolean value) {
        return init(Hdl.B(value));
    }

    /** 1-bit UInt of the same bit. */
    public UInt asUInt() {
        return UInt.of(new Expr.Reinterpret(read(), false));
    }

    public Bits asBits() {
        return Bits.of(new Expr.Reinterpret(read(), false));
    }

    /** {@code whenTrue} if this bit is set, else {@code whenFalse}. */
    public <T extends Data> T select(T whenTrue, T whenFalse) {
        return Hdl.mux(this, whenTrue, whenFalse);
    }
}
