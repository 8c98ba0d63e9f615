package org.edgemoe.hdl.core;

import java.math.BigInteger;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;

/**
 * Comparisons whose result is known at elaboration: both sides constant, or an unsigned value against
 * zero ({@code x >= 0} is always true). Folding them keeps the Verilog free of constant conditions,
 * which Verilator rightly flags (UNSIGNED, CMPCONST).
 */
final class ConstantCompare {
    private ConstantCompare() { }

    /** The constant result, or null when the comparison depends on a signal. */
    static Expr.Const fold(BinaryOp op, Expr rawA, Expr rawB, boolean signed) {
        Expr a = constantOrSelf(rawA);
        Expr b = constantOrSelf(rawB);
        if (a instanceof Expr.Const ca && b instanceof Expr.Const cb) {
            return bool(holds(op, ca.numeric().compareTo(cb.numeric())));
        }
        if (!signed && isZero(b)) {
            if (op == BinaryOp.GE) {
                return bool(true);
            }
            if (op == BinaryOp.LT) {
                return bool(false);
            }
        }
        if (!signed && isZero(a)) {
            if (op == BinaryOp.LE) {
                return bool(true);
            }
            if (op == BinaryOp.GT) {
                return bool(false);
            }
        }
        return null;
    }

    /** Looks through operator nodes (and reinterpretations) defined by a constant. */
    private static Expr constantOrSelf(Expr e) {
        Expr x = e;
        while (true) {
            if (x instanceof Expr.Reinterpret r) {
                x = r.a();
            } else if (x instanceof Expr.Ref ref && ref.signal().kind() == org.edgemoe.hdl.ir.SignalKind.NODE
                    && ref.signal().definition() != null) {
                x = ref.signal().definition();
            } else {
                break;
            }
        }
        if (x instanceof Expr.Const c && c.width() == e.width()) {
            return new Expr.Const(c.value(), c.width(), e.signed());
        }
        return e;
    }

    private static boolean isZero(Expr e) {
        return e instanceof Expr.Const c && c.value().signum() == 0;
    }

    private static boolean holds(BinaryOp op, int cmp) {
        switch (op) {
            case EQ: return cmp == 0;
            case NE: return cmp != 0;
            case LT: return cmp < 0;
            case LE: return cmp <= 0;
            case GT: return cmp > 0;
            case GE: return cmp >= 0;
            default: throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    private static Expr.Const bool(boolean v) {
        return new Expr.Const(v ? BigInteger.ONE : BigInteger.ZERO, 1, false);
    }
}
