package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.ir.Bools;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Stmt;

/**
 * Emission pass: the module's simulation and formal checks ({@code assertAlways}, {@code assume},
 * {@code report}), each with the guard under which its statement is reached: the conjunction of the
 * {@link Stmt#guards()} of the when / switch bodies around it. The checks leave the always blocks (they drive
 * nothing) and are printed in one guarded section of their own.
 */
final class CollectChecks {
    /**
     * One check, the condition under which it is reached (the constant 1 at module level) and, for an assertion or
     * assumption, the name of the wire that holds while it does ({@code chk_Fifo_42}: what a formal counterexample's
     * waveform shows), else null.
     */
    record Placed(Stmt.Check check, Expr guard, String wire) { }

    private CollectChecks() { }

    static List<Placed> run(LegalModule lm, Names names) {
        List<Placed> out = new ArrayList<>();
        walk(lm.body, Bools.TRUE, names, out);
        return out;
    }

    private static void walk(List<Stmt> stmts, Expr guard, Names names, List<Placed> out) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Check c) {
                String wire = null;
                if (c.kind() != Stmt.CheckKind.REPORT) {
                    String file = c.loc().file().replaceFirst("\\.java$", "").replaceAll("[^A-Za-z0-9_]", "_");
                    wire = names.fresh("chk_" + file + "_" + c.loc().line());
                }
                out.add(new Placed(c, guard, wire));
                continue;
            }
            List<List<Stmt>> bodies = s.bodies();
            if (bodies.isEmpty() || !containsCheck(bodies)) {
                continue;
            }
            List<Expr> guards = s.guards();
            for (int i = 0; i < bodies.size(); i++) {
                walk(bodies.get(i), Bools.and(guard, guards.get(i)), names, out);
            }
        }
    }

    private static boolean containsCheck(List<List<Stmt>> bodies) {
        boolean[] found = {false};
        for (List<Stmt> b : bodies) {
            org.edgemoe.hdl.ir.StmtWalk.statements(b, s -> found[0] |= s instanceof Stmt.Check);
        }
        return found[0];
    }
}
