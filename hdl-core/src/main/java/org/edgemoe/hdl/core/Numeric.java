package org.edgemoe.hdl.core;

import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;

/**
 * Arithmetic of UInt and SInt. Width rules (one each):
 * <ul>
 * <li>{@code plus/minus}: max(wa, wb), wrapping (Chisel's {@code +});</li>
 * <li>{@code plusExpand/minusExpand}: max(wa, wb) + 1, exact (Chisel's {@code +&});</li>
 * <li>{@code times}: wa + wb, exact;</li>
 * <li>{@code lt/le/gt/ge}: Bool, operands extended to the wider width.</li>
 * </ul>
 * An {@code int}/{@code long} operand is a constant of this operand's width (an error if it does not fit).
 */
public abstract class Numeric<T extends Numeric<T>> extends BitVector<T> {

    Numeric(int width) {
        super(width);
    }

    final T arith(BinaryOp op, T o, int w) {
        return node(new Expr.Binary(op, readAs(w), o.readAs(w), w, signed()));
    }

    public T plus(T o) { return arith(BinaryOp.ADD, o, Math.max(width, o.width())); }
    public T minus(T o) { return arith(BinaryOp.SUB, o, Math.max(width, o.width())); }
    public T plusExpand(T o) { return arith(BinaryOp.ADD, o, Math.max(width, o.width()) + 1); }
    public T minusExpand(T o) { return arith(BinaryOp.SUB, o, Math.max(width, o.width()) + 1); }
    public T times(T o) { return arith(BinaryOp.MUL, o, width + o.width()); }

    public T plus(long v) { return plus(literal(v)); }
    public T minus(long v) { return minus(literal(v)); }

    public Bool lt(T o) { return compare(BinaryOp.LT, o); }
    public Bool le(T o) { return compare(BinaryOp.LE, o); }
    public Bool gt(T o) { return compare(BinaryOp.GT, o); }
    public Bool ge(T o) { return compare(BinaryOp.GE, o); }

    public Bool eq(long v) { return eq(literal(v)); }
    public Bool ne(long v) { return ne(literal(v)); }
    public Bool lt(long v) { return lt(literal(v)); }
    public Bool le(long v) { return le(literal(v)); }
    public Bool gt(long v) { return gt(literal(v)); }
    public Bool ge(long v) { return ge(literal(v)); }
}
