package org.edgemoe.hdl.core;

import org.edgemoe.hdl.ir.Expr;

/** A raw bit vector without arithmetic meaning. */
public final class Bits extends BitVector<Bits> {

    public Bits(int width) {
        super(width);
    }

    @Override public boolean signed() { return false; }
    @Override Bits create(int w) { return new Bits(w); }

    static Bits of(Expr e) {
        Bits b = new Bits(e.width());
        b.bindTo(Builder.current().node(e));
        return b;
    }
}
