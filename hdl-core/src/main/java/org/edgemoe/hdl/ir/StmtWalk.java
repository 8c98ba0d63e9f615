package org.edgemoe.hdl.ir;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Walks statement trees through {@link Stmt#bodies()} and {@link Stmt#exprs()}. */
public final class StmtWalk {
    private StmtWalk() { }

    /** Every statement, nested ones included, parents first, in source order. */
    public static void statements(List<Stmt> stmts, Consumer<Stmt> visit) {
        for (Stmt s : stmts) {
            visit.accept(s);
            for (List<Stmt> b : s.bodies()) {
                statements(b, visit);
            }
        }
    }

    /** Every leaf statement (assignment, memory port) with whether it sits under a condition. */
    public static void leaves(List<Stmt> stmts, BiConsumer<Stmt, Boolean> visit) {
        leaves(stmts, false, visit);
    }

    private static void leaves(List<Stmt> stmts, boolean conditional, BiConsumer<Stmt, Boolean> visit) {
        for (Stmt s : stmts) {
            if (s.target() != null) {
                visit.accept(s, conditional);
            }
            for (List<Stmt> b : s.bodies()) {
                leaves(b, true, visit);
            }
        }
    }

    /** The root expressions every statement reads (conditions, selectors, values, addresses), in source order. */
    public static void exprs(List<Stmt> stmts, Consumer<Expr> visit) {
        statements(stmts, s -> s.exprs().forEach(visit));
    }
}
