package org.edgemoe.hdl.check;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;

/**
 * Which signals a module body assigns, where first, and which it assigns on every path
 * (the facts behind the undriven and latch checks).
 */
final class Assignments {
    /** Signal to the location of its first assignment (any path). */
    final Map<Signal, SourceLoc> assigned = new LinkedHashMap<>();
    /** Signal to the location of its first assignment that is not on every path. */
    final Map<Signal, SourceLoc> conditional = new LinkedHashMap<>();
    /** Signals assigned on every path through the body. */
    final Set<Signal> total;

    Assignments(ModuleIR m) {
        collect(m.body(), false);
        total = definitelyAssigned(m.body());
    }

    private void collect(List<Stmt> stmts, boolean underCondition) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Assign a) {
                assigned.putIfAbsent(a.target(), a.loc());
                if (underCondition) {
                    conditional.putIfAbsent(a.target(), a.loc());
                }
            } else if (s instanceof Stmt.MemReadSync r) {
                assigned.putIfAbsent(r.target(), r.loc());
            } else if (s instanceof Stmt.When w) {
                collect(w.whenTrue(), true);
                collect(w.whenFalse(), true);
            } else if (s instanceof Stmt.Switch sw) {
                for (Stmt.Case c : sw.cases()) {
                    collect(c.body(), true);
                }
                collect(sw.otherwise(), true);
            }
        }
    }

    /** Signals assigned on every path through {@code stmts}. */
    static Set<Signal> definitelyAssigned(List<Stmt> stmts) {
        Set<Signal> out = new HashSet<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Assign a) {
                out.add(a.target());
            } else if (s instanceof Stmt.When w) {
                Set<Signal> t = definitelyAssigned(w.whenTrue());
                t.retainAll(definitelyAssigned(w.whenFalse()));
                out.addAll(t);
            } else if (s instanceof Stmt.Switch sw) {
                Set<Signal> all = sw.otherwise().isEmpty() && sw.isFull() ? null : definitelyAssigned(sw.otherwise());
                for (Stmt.Case c : sw.cases()) {
                    Set<Signal> cs = definitelyAssigned(c.body());
                    if (all == null) {
                        all = cs;
                    } else {
                        all.retainAll(cs);
                    }
                }
                if (all != null) {
                    out.addAll(all);
                }
            }
        }
        return out;
    }
}
