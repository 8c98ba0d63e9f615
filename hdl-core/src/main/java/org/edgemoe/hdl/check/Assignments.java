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
import org.edgemoe.hdl.ir.StmtWalk;

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
        collect(m.body());
        total = definitelyAssigned(m.body());
    }

    private void collect(List<Stmt> stmts) {
        StmtWalk.leaves(stmts, (s, underCondition) -> {
            if (s.target() instanceof Signal t) {
                assigned.putIfAbsent(t, s.loc());
                if (underCondition) {
                    conditional.putIfAbsent(t, s.loc());
                }
            }
        });
    }

    /** Signals assigned on every path through {@code stmts}. */
    static Set<Signal> definitelyAssigned(List<Stmt> stmts) {
        Set<Signal> out = new HashSet<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Assign a) {
                out.add(a.target());
                continue;
            }
            // Exactly one of the alternatives runs: what all of them assign is assigned.
            Set<Signal> all = null;
            for (List<Stmt> b : alternatives(s)) {
                Set<Signal> bs = definitelyAssigned(b);
                if (all == null) {
                    all = bs;
                } else {
                    all.retainAll(bs);
                }
            }
            if (all != null) {
                out.addAll(all);
            }
        }
        return out;
    }

    /** The bodies of which exactly one runs: a when's branches; a switch's cases and its default, unless the cases cover every value and the default is empty. */
    private static List<List<Stmt>> alternatives(Stmt s) {
        List<List<Stmt>> bodies = s.bodies();
        if (s instanceof Stmt.Switch sw && sw.otherwise().isEmpty() && sw.isFull()) {
            return bodies.subList(0, bodies.size() - 1);
        }
        return bodies;
    }
}
