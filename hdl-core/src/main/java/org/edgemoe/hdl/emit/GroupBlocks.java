package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.edgemoe.hdl.ir.Memory;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.Stmt;
import org.edgemoe.hdl.ir.StmtWalk;

/**
 * Emission pass 3: splits the body into always blocks. Targets that share a top-level statement share a
 * block; combinational and clocked targets never do; registers with and without reset never do. A
 * combinational target driven by one unconditional assignment becomes a continuous {@code assign}.
 * Registers with a reset value that no statement assigns share one block holding only the reset branch.
 */
final class GroupBlocks {
    private GroupBlocks() { }

    /** Kind of always block a target belongs in. */
    private enum Domain { COMB, SEQ_RESET, SEQ_PLAIN }

    static List<Block> run(LegalModule lm) {
        List<Stmt> body = lm.body;
        // Union-find over targets, per domain.
        Map<Object, Object> parent = new HashMap<>();
        Map<Object, Integer> firstStmt = new LinkedHashMap<>();
        List<Set<Object>> targetsOf = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            Map<Domain, Object> firstOfDomain = new HashMap<>();
            Set<Object> ts = targets(body.get(i));
            targetsOf.add(ts);
            for (Object t : ts) {
                firstStmt.putIfAbsent(t, i);
                parent.putIfAbsent(t, t);
                Object first = firstOfDomain.putIfAbsent(domain(t), t);
                if (first != null) {
                    union(parent, first, t);
                }
            }
        }
        // Groups in order of their first statement, each with the top-level statements that touch it.
        Map<Object, Set<Object>> groups = new LinkedHashMap<>();
        Map<Object, Set<Integer>> statementsOf = new HashMap<>();
        List<Object> orderedTargets = new ArrayList<>(firstStmt.keySet());
        orderedTargets.sort((a, b) -> Integer.compare(firstStmt.get(a), firstStmt.get(b)));
        for (Object t : orderedTargets) {
            groups.computeIfAbsent(find(parent, t), k -> new LinkedHashSet<>()).add(t);
        }
        for (int i = 0; i < body.size(); i++) {
            for (Object t : targetsOf.get(i)) {
                statementsOf.computeIfAbsent(find(parent, t), k -> new java.util.TreeSet<>()).add(i);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<Object, Set<Object>> g : groups.entrySet()) {
            List<Stmt> touching = new ArrayList<>();
            for (int i : statementsOf.get(g.getKey())) {
                touching.add(body.get(i));
            }
            blocks.add(block(touching, g.getValue()));
        }
        // A register with a reset value that nothing assigns still holds that value: it needs its reset
        // branch (without it the Verilog register would never be loaded at all).
        List<Signal> resetOnly = new ArrayList<>();
        for (Signal s : lm.ir.signals()) {
            if (s.kind() == SignalKind.REG && s.resetValue() != null && !firstStmt.containsKey(s) && lm.live.contains(s)) {
                resetOnly.add(s);
            }
        }
        if (!resetOnly.isEmpty()) {
            blocks.add(new Block.Seq(List.of(), resetOnly));
        }
        return blocks;
    }

    private static Block block(List<Stmt> touching, Set<Object> group) {
        List<Stmt> filtered = filter(touching, group::contains);
        Domain d = domain(group.iterator().next());
        if (d == Domain.COMB) {
            if (group.size() == 1 && filtered.stream().allMatch(s -> s instanceof Stmt.Assign)) {
                Stmt.Assign last = (Stmt.Assign) filtered.get(filtered.size() - 1);
                return new Block.Continuous(last.target(), last.value(), last.loc());
            }
            return new Block.Comb(filtered);
        }
        List<Signal> resetRegs = new ArrayList<>();
        if (d == Domain.SEQ_RESET) {
            for (Object t : group) {
                resetRegs.add((Signal) t);
            }
        }
        return new Block.Seq(filtered, resetRegs);
    }

    private static Domain domain(Object target) {
        if (target instanceof Memory) {
            return Domain.SEQ_PLAIN;
        }
        Signal s = (Signal) target;
        if (s.kind() != SignalKind.REG) {
            return Domain.COMB;
        }
        return s.resetValue() != null ? Domain.SEQ_RESET : Domain.SEQ_PLAIN;
    }

    /** Everything a statement drives: signals, and memories for write ports. */
    static Set<Object> targets(Stmt s) {
        Set<Object> out = new LinkedHashSet<>();
        StmtWalk.leaves(List.of(s), (leaf, conditional) -> out.add(leaf.target()));
        return out;
    }

    /** The statements (and the when/switch structure around them) that drive a target {@code keep} accepts. */
    static List<Stmt> filter(List<Stmt> stmts, Predicate<Object> keep) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            if (s.target() != null) {
                if (keep.test(s.target())) {
                    out.add(s);
                }
                continue;
            }
            Stmt kept = s.mapBodies(b -> filter(b, keep));
            if (kept.bodies().stream().anyMatch(b -> !b.isEmpty())) {
                out.add(kept);
            }
        }
        return out;
    }

    private static Object find(Map<Object, Object> parent, Object x) {
        Object p = parent.get(x);
        while (p != x) {
            Object gp = parent.get(p);
            parent.put(x, gp);
            x = p;
            p = gp;
        }
        return x;
    }

    private static void union(Map<Object, Object> parent, Object a, Object b) {
        Object ra = find(parent, a);
        Object rb = find(parent, b);
        if (ra != rb) {
            parent.put(rb, ra);
        }
    }
}
