package org.edgemoe.hdl.ir;

import java.util.function.Consumer;

/** Walks expression trees through {@link Expr#children()}. */
public final class ExprWalk {
    private ExprWalk() { }

    /** Calls {@code visit} on {@code e} and every node below it, parents before children, operands in order. */
    public static void preorder(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        for (Expr c : e.children()) {
            preorder(c, visit);
        }
    }

    /** Calls {@code visit} for every signal the expression reads (a memory read visits its address). */
    public static void refs(Expr e, Consumer<Signal> visit) {
        preorder(e, x -> {
            if (x instanceof Expr.Ref r) {
                visit.accept(r.signal());
            }
        });
    }
}
