package org.edgemoe.hdl.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.edgemoe.hdl.fuzz.Node.Op;
import org.edgemoe.hdl.fuzz.Ty.Kind;

/**
 * Minimises a failing design while it keeps failing the same way: drops items (outputs, wires,
 * registers, children), replaces subtrees by one of their operands of the same type, by a constant or
 * by a fresh input, one child copy instead of two; greedy, until nothing smaller still fails.
 */
final class Shrink {
    private final Path dir;
    private final String kind;
    private final Set<Harness.Check> checks;
    private final long deadline;
    private int attempts;
    private int maxAttempts;

    Shrink(Path dir, String kind, long budgetMillis) {
        this.dir = dir;
        this.kind = kind;
        this.checks = checksFor(kind);
        this.deadline = System.currentTimeMillis() + budgetMillis;
        this.maxAttempts = checks.contains(Harness.Check.VERILATOR) ? 40 : 2000;
    }

    static Set<Harness.Check> checksFor(String kind) {
        if (kind.startsWith("lint")) {
            return EnumSet.of(Harness.Check.LINT);
        } else if (kind.equals("yosys")) {
            return EnumSet.of(Harness.Check.YOSYS);
        } else if (kind.contains("icarus")) {
            return EnumSet.of(Harness.Check.ICARUS);
        } else if (kind.contains("verilator")) {
            return EnumSet.of(Harness.Check.VERILATOR);
        }
        return EnumSet.noneOf(Harness.Check.class);
    }

    /** The smallest failing variant found, and its failure. */
    record Result(Harness.Case c, Harness.Failure failure, int attempts) { }

    Result run(Harness.Case start, Harness.Failure failure) {
        Harness.Case best = start;
        Harness.Failure bestFailure = failure;
        boolean progress = true;
        while (progress && attempts < maxAttempts && System.currentTimeMillis() < deadline) {
            progress = false;
            for (Spec cand : candidates(best.spec())) {
                if (attempts >= maxAttempts || System.currentTimeMillis() > deadline) {
                    break;
                }
                Harness.Case c = new Harness.Case(start.name() + "_s" + attempts, cand, start.stimSeed());
                attempts++;
                Harness.Failure f = failure(c);
                if (f != null) {
                    best = c;
                    bestFailure = f;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(best, bestFailure, attempts);
    }

    private Harness.Failure failure(Harness.Case c) {
        Harness.Prepared p = Harness.prepare(c);
        if (p.design != null && p.failures.isEmpty()) {
            new Harness(dir).run(List.of(p), checks);
        }
        for (Harness.Failure f : p.failures) {
            if (f.kind().equals(kind)) {
                return f;
            }
        }
        return null;
    }

    /** Smaller variants, the most aggressive first. */
    static List<Spec> candidates(Spec s) {
        List<Spec> out = new ArrayList<>();
        List<Spec.Item> items = s.items();
        // Drop one item.
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Spec.Out && countOuts(items) == 1) {
                continue;
            }
            List<Spec.Item> l = new ArrayList<>(items);
            l.remove(i);
            out.add(new Spec(l));
        }
        // Simpler items: one child copy, register without enable or next.
        for (int i = 0; i < items.size(); i++) {
            Spec.Item it = items.get(i);
            if (it instanceof Spec.Child c) {
                if (c.copies() > 1) {
                    out.add(replaceItem(s, i, new Spec.Child(c.id(), c.spec(), c.inputIds(), c.drivers(), 1)));
                }
                for (Spec inner : candidates(c.spec())) {
                    out.add(replaceItem(s, i, new Spec.Child(c.id(), inner, c.inputIds(), c.drivers(), c.copies())));
                }
            } else if (it instanceof Spec.Reg r && r.enable() != null) {
                out.add(replaceItem(s, i, new Spec.Reg(r.id(), r.ty(), r.init(), null, r.next())));
            } else if (it instanceof Spec.WhenWire w && w.conds().size() > 1) {
                out.add(replaceItem(s, i, new Spec.WhenWire(w.id(), w.ty(), w.dflt(), w.conds().subList(0, 1),
                        w.values().subList(0, 1), w.otherwise())));
            } else if (it instanceof Spec.WhenWire w && w.otherwise() != null) {
                out.add(replaceItem(s, i, new Spec.WhenWire(w.id(), w.ty(), w.dflt(), w.conds(), w.values(), null)));
            }
        }
        // Replace a subtree, larger subtrees first.
        List<Node> nodes = new ArrayList<>();
        for (Node root : s.roots()) {
            root.collect(nodes);
        }
        nodes.sort((a, b) -> Integer.compare(b.size(), a.size()));
        for (Node n : nodes) {
            if (n.kids().isEmpty() && (n.op() == Op.CONST || n.op() == Op.FCONST)) {
                continue;
            }
            List<Node> withs = new ArrayList<>();
            for (Node k : n.kids()) {
                if (k.ty().equals(n.ty())) {
                    withs.add(k);
                }
            }
            withs.add(zero(n.ty()));
            if (n.op() != Op.IN) {
                withs.add(Node.leaf(Op.IN, n.ty(), 1000 + n.size() * 7 + n.ty().width()));
            }
            for (Node w : withs) {
                out.add(s.mapTrees(root -> root.replace(n, w)));
            }
        }
        return out;
    }

    private static int countOuts(List<Spec.Item> items) {
        int n = 0;
        for (Spec.Item it : items) {
            if (it instanceof Spec.Out) {
                n++;
            }
        }
        return n;
    }

    private static Spec replaceItem(Spec s, int i, Spec.Item with) {
        List<Spec.Item> l = new ArrayList<>(s.items());
        l.set(i, with);
        return new Spec(l);
    }

    private static Node zero(Ty ty) {
        if (ty.kind() == Kind.FIX) {
            return Node.leaf(Op.FCONST, ty, Double.doubleToLongBits(0.0));
        }
        return Node.leaf(Op.CONST, ty, 0);
    }
}
