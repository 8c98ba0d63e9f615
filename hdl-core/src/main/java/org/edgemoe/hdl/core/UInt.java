package org.edgemoe.hdl.core;

import org.edgemoe.hdl.ir.Expr;

/** An unsigned integer of a fixed width. */
public final class UInt extends Numeric<UInt> {

    public UInt(int width) {
        super(width);
    }

    @Override public boolean signed() { return false; }
    @Override UInt create(int w) { return new UInt(w); }

    static UInt of(Expr e) {
        UInt u = new UInt(e.width());
        u.bindTo(Builder.current().node(e));
        return u;
    }

    /** Zero-extends by one bit and reads as SInt: the exact signed value. */
    public SInt toSInt() {
        return SInt.of(Exprs.extend(read(), width + 1, true));
    }
}
