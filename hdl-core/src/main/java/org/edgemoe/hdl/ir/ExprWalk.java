package org.edgemoe.hdl.ir;

import java.util.function.Consumer;

/** Visits the signals an expression tree reads. */
public final class ExprWalk {
    private ExprWalk() { }

    /** Calls {@code visit} for every signal the expression reads (a memory read visits its address). */
    public static void refs(Expr e, Consumer<Signal> visit) {
        if (e instanceof Expr.Ref r) {
            visit.accept(r.signal());
        } else if (e instanceof Expr.Unary u) {
            refs(u.a(), visit);
        } else if (e instanceof Expr.Binary b) {
            refs(b.a(), visit);
            refs(b.b(), visit);
        } else if (e instanceof Expr.Mux m) {
            refs(m.cond(), visit);
            refs(m.whenTrue(), visit);
            refs(m.whenFalse(), visit);
        } else if (e instanceof Expr.Slice s) {
            refs(s.a(), visit);
        } else if (e instanceof Expr.Concat c) {
            for (Expr p : c.parts()) {
                refs(p, visit);
            }
        } else if (e instanceof Expr.Extend x) {
            refs(x.a(), visit);
        } else if (e instanceof Expr.Reinterpret r) {
            refs(r.a(), visit);
        } else if (e instanceof Expr.MemRead m) {
            refs(m.address(), visit);
        }
    }
}
