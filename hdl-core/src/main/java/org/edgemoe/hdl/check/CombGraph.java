package org.edgemoe.hdl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.ExprWalk;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.Stmt;

/**
 * The combinational dependency graph of one module: an edge from every signal an assignment (or its
 * enclosing conditions) reads to the assigned combinational signal. Registers cut paths; a child
 * instance contributes an edge from an input to an output when the child has a combinational path.
 */
final class CombGraph {
    /** Target to the signals it depends on, in first-seen order. */
    final Map<Signal, Set<Signal>> deps = new LinkedHashMap<>();

    CombGraph(ModuleIR m, Map<ModuleIR, Map<Signal, Set<Signal>>> childPaths) {
        for (Signal s : m.signals()) {
            if (s.kind() == SignalKind.NODE && s.definition() != null) {
                Set<Signal> d = depsOf(s);
                ExprWalk.refs(s.definition(), d::add);
            }
        }
        addStatements(m.body(), new ArrayList<>());
        for (Instance inst : m.instances()) {
            Map<Signal, Set<Signal>> paths = childPaths.computeIfAbsent(inst.child(), CombGraph::inputToOutputPaths);
            paths.forEach((out, ins) -> {
                Signal outSide = inst.bindings().get(out);
                for (Signal in : ins) {
                    depsOf(outSide).add(inst.bindings().get(in));
                }
            });
        }
    }

    private Set<Signal> depsOf(Signal s) {
        return deps.computeIfAbsent(s, k -> new LinkedHashSet<>());
    }

    private void addStatements(List<Stmt> stmts, List<Expr> conditions) {
        for (Stmt s : stmts) {
            if (s.target() instanceof Signal t) {
                if (t.kind() != SignalKind.REG) {
                    Set<Signal> d = depsOf(t);
                    s.exprs().forEach(e -> ExprWalk.refs(e, d::add));
                    conditions.forEach(c -> ExprWalk.refs(c, d::add));
                }
            } else if (s.target() == null) {
                // when / switch: the condition or selector steers every assignment below it
                int mark = conditions.size();
                conditions.addAll(s.exprs());
                s.bodies().forEach(b -> addStatements(b, conditions));
                conditions.subList(mark, conditions.size()).clear();
            }
        }
    }

    /** For a module definition: each output port to the input ports it depends on combinationally. */
    static Map<Signal, Set<Signal>> inputToOutputPaths(ModuleIR m) {
        Map<Signal, Set<Signal>> out = new LinkedHashMap<>();
        if (m.isBlackBox()) {
            return out; // unknown inside: assume registered outputs
        }
        CombGraph g = new CombGraph(m, new IdentityHashMap<>());
        for (Signal port : m.ports()) {
            if (port.kind() != SignalKind.OUTPUT) {
                continue;
            }
            Set<Signal> seen = new HashSet<>();
            Deque<Signal> work = new ArrayDeque<>();
            work.add(port);
            Set<Signal> inputs = new LinkedHashSet<>();
            while (!work.isEmpty()) {
                Signal s = work.pop();
                if (!seen.add(s)) {
                    continue;
                }
                if (s.kind() == SignalKind.INPUT) {
                    inputs.add(s);
                }
                work.addAll(g.deps.getOrDefault(s, Set.of()));
            }
            if (!inputs.isEmpty()) {
                out.put(port, inputs);
            }
        }
        return out;
    }
}
