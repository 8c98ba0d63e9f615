package org.edgemoe.hdl.ir;

/** 1-bit expression builders that fold constants (for guards and checks built by passes). */
public final class Bools {
    public static final Expr.Const FALSE = Expr.Const.of(0, 1, false);
    public static final Expr.Const TRUE = Expr.Const.of(1, 1, false);

    private Bools() { }

    public static Expr not(Expr a) {
        if (a.equals(FALSE)) {
            return TRUE;
        }
        if (a.equals(TRUE)) {
            return FALSE;
        }
        return new Expr.Unary(Expr.UnaryOp.NOT, a, 1, false);
    }

    public static Expr or(Expr a, Expr b) {
        if (a.equals(FALSE) || b.equals(TRUE)) {
            return b;
        }
        if (b.equals(FALSE) || a.equals(TRUE)) {
            return a;
        }
        return new Expr.Binary(Expr.BinaryOp.OR, a, b, 1, false);
    }

    public static Expr and(Expr a, Expr b) {
        if (a.equals(TRUE) || b.equals(FALSE)) {
            return b;
        }
        if (b.equals(TRUE) || a.equals(FALSE)) {
            return a;
        }
        return new Expr.Binary(Expr.BinaryOp.AND, a, b, 1, false);
    }
}
