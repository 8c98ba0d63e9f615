package org.edgemoe.hdl.core;

import java.math.BigInteger;
import java.util.List;
import org.edgemoe.hdl.ir.Expr;

/** Small expression helpers used by the operator implementations. */
final class Exprs {
    private Exprs() { }

    /** Extends {@code e} to {@code width} by its own signedness; the result has signedness {@code signed}. */
    static Expr extend(Expr e, int width, boolean signed) {
        if (e.width() == width) {
            return e.signed() == signed ? e : new Expr.Reinterpret(e, signed);
        }
        if (e.width() > width) {
            throw new IllegalArgumentException("cannot extend " + e.width() + " bits to " + width);
        }
        if (e instanceof Expr.Const c) {
            BigInteger v = c.numeric();
            if (v.signum() < 0) {
                v = v.add(BigInteger.ONE.shiftLeft(width));
            }
            return new Expr.Const(v, width, signed);
        }
        return new Expr.Extend(e, width, signed);
    }

    /** The low {@code width} bits of {@code e}. */
    static Expr truncate(Expr e, int width, boolean signed) {
        if (e.width() == width) {
            return e.signed() == signed ? e : new Expr.Reinterpret(e, signed);
        }
        return new Expr.Slice(e, width - 1, 0, signed);
    }

    /** Extends or truncates (keeping the low bits). */
    static Expr resize(Expr e, int width, boolean signed) {
        return e.width() <= width ? extend(e, width, signed) : truncate(e, width, signed);
    }

    static Expr constant(long value, int width, boolean signed) {
        return Expr.Const.of(value, width, signed);
    }

    static Expr zeros(int width) {
        return new Expr.Const(BigInteger.ZERO, width, false);
    }

    static Expr concat(List<Expr> parts, boolean signed) {
        return new Expr.Concat(List.copyOf(parts), signed);
    }

    /** Minimal width of an unsigned value (at least 1). */
    static int unsignedWidth(long v) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(v));
    }

    /** Minimal two's-complement width of a signed value. */
    static int signedWidth(long v) {
        return v >= 0 ? 65 - Long.numberOfLeadingZeros(v) : 65 - Long.numberOfLeadingZeros(~v);
    }
}
