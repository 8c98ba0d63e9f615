package org.edgemoe.hdl.emit;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.Stmt;
import org.edgemoe.hdl.ir.StmtWalk;

/**
 * Emission pass 1: makes every expression printable as Verilog-2005 without changing its meaning.
 * <ul>
 * <li>drops operator nodes nothing reads;</li>
 * <li>keeps a node as a named wire when the user named it, when it is read more than once, or when it is
 *     indexed (Verilog cannot slice an expression); otherwise prints it inline where it is read;</li>
 * <li>puts any other indexed sub-expression (a slice of a sum, the sign bit of a product) into a temporary wire.</li>
 * </ul>
 */
final class Legalise {
    private final ModuleIR m;
    private final Map<Signal, Integer> uses = new IdentityHashMap<>();
    private final Set<Signal> indexedUse = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Signal, Expr> inlineDefs = new IdentityHashMap<>();
    private LegalModule out;
    /** Inline expressions deeper than this, or with more operators, become wires (readable, short lines). */
    static final int MAX_INLINE_DEPTH = 32;
    static final int MAX_INLINE_SIZE = 256;
    private final Map<Signal, Integer> inlineDepth = new IdentityHashMap<>();
    private int temps;
    private final Map<Expr, Expr> temporaries = new java.util.HashMap<>();

    private Legalise(ModuleIR m) {
        this.m = m;
    }

    static LegalModule run(ModuleIR m) {
        return new Legalise(m).legalise();
    }

    private LegalModule legalise() {
        countUses();
        Set<Signal> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Signal s : m.signals()) {
            if (s.kind() != SignalKind.NODE || uses.containsKey(s)) {
                live.add(s);
            }
        }
        out = new LegalModule(m, live);
        for (Signal s : m.signals()) {
            if (s.kind() == SignalKind.NODE && uses.containsKey(s) && keepAsWire(s)) {
                out.nodeWires.put(s, null); // reserve the declaration order
            }
        }
        // Nodes are created after their operands, so netlist order is a topological order: each node's
        // legal form is built from finished ones (no recursion along a chain of 10,000 operators), and an
        // inline expression that grows deeper than MAX_INLINE_DEPTH becomes a wire (printing stays shallow).
        List<Signal> wiresBefore = new ArrayList<>(out.nodeWires.keySet());
        for (Signal s : m.signals()) {
            if (s.kind() != SignalKind.NODE || !uses.containsKey(s)) {
                continue;
            }
            Expr def = legal(s.definition());
            if (out.nodeWires.containsKey(s)) {
                out.nodeWires.put(s, def);
                continue;
            }
            int d = depth(def);
            if (d > MAX_INLINE_DEPTH || size(def, MAX_INLINE_SIZE + 1) > MAX_INLINE_SIZE) {
                out.nodeWires.put(s, def);
                inlineDepth.put(s, 0);
            } else {
                inlineDefs.put(s, def);
                inlineDepth.put(s, d);
            }
        }
        for (Signal s : wiresBefore) {
            if (out.nodeWires.get(s) == null) {
                out.nodeWires.put(s, legal(s.definition()));
            }
        }
        for (Stmt s : m.body()) {
            out.body.add(s.mapExprs(this::legal));
        }
        for (Signal s : m.signals()) {
            if (s.resetValue() != null) {
                out.resetValues.put(s, legal(s.resetValue()));
            }
        }
        return out;
    }

    // ---- pass A: which nodes are read, how often, and whether indexed ----

    private void countUses() {
        Deque<Expr> work = new ArrayDeque<>();
        StmtWalk.exprs(m.body(), work::add);
        for (Signal s : m.signals()) {
            if (s.resetValue() != null) {
                work.add(s.resetValue());
            }
        }
        Set<Signal> expanded = new HashSet<>();
        while (!work.isEmpty()) {
            Expr e = work.pop();
            countIn(e, false, work, expanded);
        }
    }

    private void countIn(Expr e, boolean indexed, Deque<Expr> work, Set<Signal> expanded) {
        if (e instanceof Expr.Ref r) {
            Signal s = r.signal();
            if (s.kind() == SignalKind.NODE) {
                uses.merge(s, 1, Integer::sum);
                if (indexed) {
                    indexedUse.add(s);
                }
                if (expanded.add(s)) {
                    work.add(s.definition());
                }
            }
        } else if (e instanceof Expr.Slice sl) {
            countIn(sl.a(), true, work, expanded);
        } else if (e instanceof Expr.Extend x) {
            countIn(x.a(), x.a().signed(), work, expanded);
        } else {
            for (Expr k : e.children()) {
                countIn(k, false, work, expanded);
            }
        }
    }

    private boolean keepAsWire(Signal node) {
        Expr def = node.definition();
        boolean trivial = def instanceof Expr.Const || def instanceof Expr.Ref;
        if (node.nameSource() == Signal.NameSource.FIELD || node.nameSource() == Signal.NameSource.EXPLICIT) {
            return !(def instanceof Expr.Const);
        }
        if (trivial) {
            return false;
        }
        return uses.get(node) > 1 || indexedUse.contains(node);
    }

    // ---- pass B: rewrite ----

    /** A printable equivalent of {@code e}. */
    Expr legal(Expr e) {
        if (e instanceof Expr.Ref r) {
            Signal s = r.signal();
            if (s.kind() == SignalKind.NODE && !out.nodeWires.containsKey(s)) {
                Expr inline = inlineDefs.get(s);
                return inline != null ? inline : legal(s.definition());
            }
            return e;
        } else if (e instanceof Expr.Slice sl) {
            Expr a = legal(sl.a());
            if (a instanceof Expr.Const c) {
                BigInteger v = c.value().shiftRight(sl.lo()).and(BigInteger.ONE.shiftLeft(sl.width()).subtract(BigInteger.ONE));
                return new Expr.Const(v, sl.width(), sl.signed());
            }
            if (sl.lo() == 0 && sl.hi() == a.width() - 1) {
                return a.signed() == sl.signed() ? a : new Expr.Reinterpret(a, sl.signed());
            }
            if (a instanceof Expr.Slice inner && inner.a() instanceof Expr.Ref) {
                return new Expr.Slice(inner.a(), inner.lo() + sl.hi(), inner.lo() + sl.lo(), sl.signed());
            }
            return new Expr.Slice(indexable(a), sl.hi(), sl.lo(), sl.signed());
        } else if (e instanceof Expr.Extend x) {
            Expr a = legal(x.a());
            Expr.Const c = constantOf(a);
            if (c != null) {
                // Verilog cannot index a literal: extend the constant itself.
                BigInteger v = c.numeric();
                if (v.signum() < 0) {
                    v = v.add(BigInteger.ONE.shiftLeft(x.width()));
                }
                return new Expr.Const(v, x.width(), x.signed());
            }
            if (a.signed() && !(a instanceof Expr.Slice s && s.a() instanceof Expr.Ref)) {
                a = indexable(a);
            }
            return new Expr.Extend(a, x.width(), x.signed());
        } else if (e instanceof Expr.Concat c && c.parts().size() == 1) {
            Expr only = legal(c.parts().get(0));
            return only.signed() == c.signed() ? only : new Expr.Reinterpret(only, c.signed());
        }
        // Every other node: the same node over legal operands (a constant is its own legal form).
        return e.map(this::legal);
    }

    /** The constant behind {@code e} (looking through a reinterpretation), read with e's signedness. */
    private static Expr.Const constantOf(Expr e) {
        Expr inner = e instanceof Expr.Reinterpret r ? r.a() : e;
        if (inner instanceof Expr.Const c) {
            return c.signed() == e.signed() ? c : new Expr.Const(c.value(), c.width(), e.signed());
        }
        return null;
    }

    /** {@code e} itself if Verilog can index it (a signal or constant), else a temporary wire holding it. */
    private Expr indexable(Expr e) {
        if (e instanceof Expr.Ref || e instanceof Expr.Const) {
            return e;
        }
        if (e instanceof Expr.Reinterpret r && r.a() instanceof Expr.Ref) {
            return new Expr.Reinterpret(r.a(), r.signed());
        }
        // Equal expressions share one temporary (records compare by value).
        return temporaries.computeIfAbsent(e, k -> {
            Signal temp = m.temporary(k.width(), k.signed(), temps++);
            temp.setDefinition(k);
            out.nodeWires.put(temp, k);
            out.live.add(temp);
            return new Expr.Ref(temp);
        });
    }

    /** Number of operators in a legal expression, counting stops at {@code limit}. */
    private static int size(Expr e, int limit) {
        if (e instanceof Expr.Ref || e instanceof Expr.Const) {
            return 0;
        }
        int n = 1;
        for (Expr k : e.children()) {
            if (n >= limit) {
                break;
            }
            n += size(k, limit - n);
        }
        return n;
    }

    /** Operator depth of a legal expression; an inlined node counts with its own depth (memoised). */
    private int depth(Expr e) {
        if (e instanceof Expr.Ref || e instanceof Expr.Const) {
            return 0;
        }
        int d = 0;
        for (Expr k : e.children()) {
            d = Math.max(d, depth(k));
        }
        return d + 1;
    }

}
