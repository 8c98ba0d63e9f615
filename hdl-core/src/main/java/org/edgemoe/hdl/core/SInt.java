package org.edgemoe.hdl.core;

import org.edgemoe.hdl.ir.Expr;

/** A two's-complement signed integer of a fixed width. */
public final class SInt extends Numeric<SInt> {

    public SInt(int width) {
        super(width);
    }

    @Override public boolean signed() { return true; }
    @Override SInt create(int w) { return new SInt(w); }

    static SInt of(Expr e) {
        SInt s = new SInt(e.width());
        s.bindTo(Builder.current().node(e));
        return s;
    }

    /** Negation, same width (the most negative value wraps to itself). */
    public SInt neg() {
        return node(new Expr.Unary(Expr.UnaryOp.NEG, read(), width, true));
    }

    /** Exact negation, one bit wider. */
    public SInt negExpand() {
        return node(new Expr.Unary(Expr.UnaryOp.NEG, readAs(width + 1), width + 1, true));
    }

    /** True when negative. */
    public Bool isNegative() {
        return msb();
    }
}
