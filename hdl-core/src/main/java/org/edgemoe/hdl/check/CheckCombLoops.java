package org.edgemoe.hdl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/** Finds combinational loops (strongly connected components of the comb graph) and lists their signals. */
final class CheckCombLoops {
    private CheckCombLoops() { }

    static void run(ModuleIR m, Map<ModuleIR, Map<Signal, Set<Signal>>> childPaths, Diagnostics d) {
        CombGraph g = new CombGraph(m, childPaths);
        for (List<Signal> loop : new Tarjan(g.deps).loops()) {
            StringBuilder names = new StringBuilder();
            int unnamed = 0;
            Signal at = loop.get(0);
            for (Signal s : loop) {
                if (s.name() == null) {
                    unnamed++;
                    continue;
                }
                if (names.length() > 0) {
                    names.append(", ");
                }
                names.append(s.name());
                if (s.kind() != SignalKind.NODE && at.kind() == SignalKind.NODE) {
                    at = s;
                }
            }
            if (unnamed > 0) {
                names.append(names.length() > 0 ? ", " : "").append(unnamed).append(" unnamed operator result(s)");
            }
            d.error(at.loc(), "combinational loop in " + m.className() + " through: " + names);
        }
    }

    /** Iterative Tarjan SCC, deterministic in the graph's insertion order. */
    private static final class Tarjan {
        private final Map<Signal, Set<Signal>> deps;
        private final Map<Signal, Integer> index = new HashMap<>();
        private final Map<Signal, Integer> low = new HashMap<>();
        private final Deque<Signal> stack = new ArrayDeque<>();
        private final Set<Signal> onStack = new java.util.HashSet<>();
        private final List<List<Signal>> loops = new ArrayList<>();
        private int counter;

        Tarjan(Map<Signal, Set<Signal>> deps) {
            this.deps = deps;
        }

        List<List<Signal>> loops() {
            for (Signal s : deps.keySet()) {
                if (!index.containsKey(s)) {
                    visit(s);
                }
            }
            return loops;
        }

        private void visit(Signal root) {
            Deque<Object[]> work = new ArrayDeque<>();
            enter(root);
            work.push(new Object[] {root, deps.getOrDefault(root, Set.of()).iterator()});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                Signal v = (Signal) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<Signal> it = (java.util.Iterator<Signal>) frame[1];
                if (it.hasNext()) {
                    Signal w = it.next();
                    if (!index.containsKey(w)) {
                        enter(w);
                        work.push(new Object[] {w, deps.getOrDefault(w, Set.of()).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    Signal parent = (Signal) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<Signal> scc = new ArrayList<>();
                    Signal w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (w != v);
                    if (scc.size() > 1 || deps.getOrDefault(v, Set.of()).contains(v)) {
                        scc.sort((a, b) -> Integer.compare(a.serial(), b.serial()));
                        loops.add(scc);
                    }
                }
            }
        }

        private void enter(Signal s) {
            index.put(s, counter);
            low.put(s, counter);
            counter++;
            stack.push(s);
            onStack.add(s);
        }
    }
}
