package org.edgemoe.hdl.core;

import java.math.BigInteger;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

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
        // A comparison against the end of the operands' range is constant too (Verilator: CMPCONST).
        int w = rawA.width();
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
        if (b instanceof Expr.Const cb) {
            BigInteger v = cb.numeric();
            if (v.equals(max) && (op == BinaryOp.LE || op == BinaryOp.GT)) {
                return bool(op == BinaryOp.LE);
            }
            if (v.equals(min) && (op == BinaryOp.GE || op == BinaryOp.LT)) {
                return bool(op == BinaryOp.GE);
            }
        }
        if (a instanceof Expr.Const ca) {
            BigInteger v = ca.numeric();
            if (v.equals(max) && (op == BinaryOp.GE || op == BinaryOp.LT)) {
                return bool(op == BinaryOp.GE);
            }
            if (v.equals(min) && (op == BinaryOp.LE || op == BinaryOp.GT)) {
                return bool(op == BinaryOp.LE);
            }
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

    /**
     * The constant value of {@code e} when every leaf it reads is a constant (looking through operator nodes),
     * read with e's signedness; else {@code e}. Bounded in depth, so a long chain is never walked.
     */
    private static Expr constantOrSelf(Expr e) {
        BigInteger v = value(e, 0);
        return v == null ? e : new Expr.Const(v, e.width(), e.signed());
    }

    private static final int MAX_FOLD_DEPTH = 48;

    /** The bit pattern of a constant expression, or null. */
    private static BigInteger value(Expr e, int depth) {
        if (depth > MAX_FOLD_DEPTH) {
            return null;
        }
        if (e instanceof Expr.Const c) {
            return c.value();
        }
        if (e instanceof Expr.Ref ref) {
            Signal s = ref.signal();
            return s.kind() == SignalKind.NODE && s.definition() != null ? value(s.definition(), depth + 1) : null;
        }
        if (e instanceof Expr.MemRead) {
            return null;
        }
        if (e instanceof Expr.Binary b && (b.op() == BinaryOp.XOR || b.op() == BinaryOp.SUB) && b.a().equals(b.b())) {
            return BigInteger.ZERO; // x ^ x, x - x
        }
        if (e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.MUL || b.op() == BinaryOp.OR)) {
            // An absorbing operand makes the result constant whatever the other one is (x & 0, x * 0, x | ~0).
            BigInteger x = value(b.a(), depth + 1);
            BigInteger y = x != null && absorbs(b.op(), x, b.a()) ? null : value(b.b(), depth + 1);
            if (x != null && absorbs(b.op(), x, b.a())) {
                return b.op() == BinaryOp.OR ? mask(BigInteger.ONE.negate(), b.width()) : BigInteger.ZERO;
            }
            if (y != null && absorbs(b.op(), y, b.b())) {
                return b.op() == BinaryOp.OR ? mask(BigInteger.ONE.negate(), b.width()) : BigInteger.ZERO;
            }
            if (x == null || y == null) {
                return null;
            }
        }
        java.util.List<BigInteger> k = new java.util.ArrayList<>();
        for (Expr c : e.children()) {
            BigInteger v = value(c, depth + 1);
            if (v == null) {
                return null;
            }
            k.add(v);
        }
        int w = e.width();
        if (e instanceof Expr.Reinterpret) {
            return k.get(0);
        } else if (e instanceof Expr.Slice sl) {
            return mask(k.get(0).shiftRight(sl.lo()), w);
        } else if (e instanceof Expr.Extend x) {
            return mask(num(k.get(0), x.a()), w);
        } else if (e instanceof Expr.Concat c) {
            BigInteger v = BigInteger.ZERO;
            for (int i = 0; i < k.size(); i++) {
                v = v.shiftLeft(c.parts().get(i).width()).or(k.get(i));
            }
            return v;
        } else if (e instanceof Expr.Mux) {
            return k.get(0).signum() != 0 ? k.get(1) : k.get(2);
        } else if (e instanceof Expr.Unary u) {
            BigInteger a = k.get(0);
            return switch (u.op()) {
                case NOT -> mask(a.not(), w);
                case NEG -> mask(num(a, u.a()).negate(), w);
                case AND_REDUCE -> a.equals(mask(BigInteger.ONE.negate(), u.a().width())) ? BigInteger.ONE : BigInteger.ZERO;
                case OR_REDUCE -> a.signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
                case XOR_REDUCE -> BigInteger.valueOf(a.bitCount() & 1);
            };
        } else if (e instanceof Expr.Binary b) {
            BigInteger x = num(k.get(0), b.a());
            BigInteger y = num(k.get(1), b.b());
            int amount = k.get(1).bitLength() > 20 ? 1 << 20 : k.get(1).intValue();
            switch (b.op()) {
                case ADD: return mask(x.add(y), w);
                case SUB: return mask(x.subtract(y), w);
                case MUL: return mask(x.multiply(y), w);
                case AND: return mask(x.and(y), w);
                case OR: return mask(x.or(y), w);
                case XOR: return mask(x.xor(y), w);
                case SHL: return mask(k.get(0).shiftLeft(amount), w);
                case SHR: return mask(k.get(0).shiftRight(amount), w);
                case SSHR: return mask(x.shiftRight(amount), w);
                default: {
                    BigInteger p = b.signed() ? x : k.get(0);
                    BigInteger q = b.signed() ? y : k.get(1);
                    return holds(b.op(), p.compareTo(q)) ? BigInteger.ONE : BigInteger.ZERO;
                }
            }
        }
        return null;
    }

    private static boolean absorbs(BinaryOp op, BigInteger v, Expr of) {
        return op == BinaryOp.OR ? v.equals(mask(BigInteger.ONE.negate(), of.width())) : v.signum() == 0;
    }

    private static BigInteger num(BigInteger pattern, Expr of) {
        return of.signed() && pattern.testBit(of.width() - 1) ? pattern.subtract(BigInteger.ONE.shiftLeft(of.width())) : pattern;
    }

    private static BigInteger mask(BigInteger v, int w) {
        return v.and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE));
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
