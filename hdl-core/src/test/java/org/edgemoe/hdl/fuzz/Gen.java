package org.edgemoe.hdl.fuzz;

import static org.edgemoe.hdl.core.Hdl.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fuzz.Node.Op;
import org.edgemoe.hdl.fuzz.Ty.Kind;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * Random designs. Expression trees are generated while being built in a scratch module (whose leaves are
 * plain inputs), so every operator sees real operand types and the recorded tree replays exactly.
 */
final class Gen {
    static final int MAX_LEAF_WIDTH = 70;
    private static final int MAX_WIDTH = 100;

    private final Random rnd;
    private final Map<String, Ground> scratch = new HashMap<>();
    private int ids;
    private final List<Src> sources = new ArrayList<>();
    private boolean inputsOnly;

    /** A leaf the current module may read. */
    private record Src(Op op, long[] p, Ty ty) { }

    /** A generated tree and the hardware it built in the scratch module. */
    private record G(Node n, Ground g) { }

    private Gen(long seed) {
        this.rnd = new Random(seed);
    }

    /** A random design for {@code seed}: deterministic. */
    static Spec design(long seed) {
        Spec[] out = new Spec[1];
        try {
            Elaboration.elaborate(() -> new Scratch(() -> out[0] = new Gen(seed).top(true)));
        } catch (ElaborationException e) {
            throw new IllegalStateException("generator produced an invalid design for seed " + seed + ": " + e.getMessage(), e);
        }
        return out[0];
    }

    /** The scratch module: generation happens in its constructor. */
    static final class Scratch extends Module {
        Scratch(Runnable body) {
            body.run();
        }
    }

    private Spec top(boolean withChildren) {
        List<Spec.Item> items = new ArrayList<>();
        int nRegs = rnd.nextInt(4);
        List<Spec.Reg> regs = new ArrayList<>();
        for (int i = 0; i < nRegs; i++) {
            int id = ids++;
            Ty ty = randomType(randomKind());
            boolean withInit = rnd.nextInt(10) < 7;
            Node init = withInit ? constant(ty).n : null;
            regs.add(new Spec.Reg(id, ty, init, null, null));
            sources.add(new Src(Op.REG, new long[] {id}, ty));
        }
        int nItems = 3 + rnd.nextInt(withChildren ? 10 : 4);
        int children = 0;
        int outs = 0;
        for (int i = 0; i < nItems || outs == 0; i++) {
            int pick = rnd.nextInt(10);
            if (pick < 5 || i >= nItems) {
                G v = gen(depth(), null);
                items.add(new Spec.Out(ids++, v.n));
                outs++;
            } else if (pick < 7) {
                items.add(whenWire());
            } else if (pick < 9) {
                items.add(switchWire());
            } else if (withChildren && children < 2) {
                items.add(child());
                children++;
            }
        }
        List<Spec.Item> all = new ArrayList<>();
        for (Spec.Reg r : regs) {
            Node enable = null;
            Node next = null;
            int mode = rnd.nextInt(10);
            if (r.init() == null) {
                // A register without reset reads only inputs and constants, so it is defined one cycle after reset.
                inputsOnly = true;
                next = fit(gen(depth(), r.ty().kind()), r.ty()).n;
                inputsOnly = false;
            } else if (mode < 6) {
                enable = gen(depth(), Kind.BOOL).n;
                next = fit(gen(depth(), r.ty().kind()), r.ty()).n;
            } else if (mode < 8) {
                next = fit(gen(depth(), r.ty().kind()), r.ty()).n;
            } // else: never assigned, holds its reset value
            all.add(new Spec.Reg(r.id(), r.ty(), r.init(), enable, next));
        }
        all.addAll(items);
        return new Spec(all);
    }

    private int depth() {
        return 1 + rnd.nextInt(5);
    }

    private Spec.WhenWire whenWire() {
        int id = ids++;
        Ty ty = randomType(randomKind());
        Node dflt = fit(gen(depth(), ty.kind()), ty).n;
        List<Node> conds = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            conds.add(gen(depth(), Kind.BOOL).n);
            values.add(fit(gen(depth(), ty.kind()), ty).n);
        }
        Node otherwise = rnd.nextBoolean() ? fit(gen(depth(), ty.kind()), ty).n : null;
        sources.add(new Src(Op.WIRE, new long[] {id}, ty));
        return new Spec.WhenWire(id, ty, dflt, conds, values, otherwise);
    }

    private Spec.SwitchWire switchWire() {
        int id = ids++;
        Ty ty = randomType(randomKind());
        Node dflt = fit(gen(depth(), ty.kind()), ty).n;
        int selW = 1 + rnd.nextInt(4);
        Node sel = fit(gen(depth(), Kind.UINT), Ty.uint(selW)).n;
        List<Long> all = new ArrayList<>();
        for (long v = 0; v < (1L << selW); v++) {
            all.add(v);
        }
        java.util.Collections.shuffle(all, rnd);
        int n = 1 + rnd.nextInt(Math.min(4, all.size()));
        long[] cases = new long[n];
        List<Node> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases[i] = all.get(i);
            values.add(fit(gen(depth(), ty.kind()), ty).n);
        }
        Node otherwise = rnd.nextBoolean() ? fit(gen(depth(), ty.kind()), ty).n : null;
        sources.add(new Src(Op.WIRE, new long[] {id}, ty));
        return new Spec.SwitchWire(id, ty, dflt, sel, cases, values, otherwise);
    }

    private Spec.Child child() {
        int id = ids++;
        // The child is generated with its own leaves, in the same scratch module.
        List<Src> saved = new ArrayList<>(sources);
        int savedIds = ids;
        sources.clear();
        ids = 0;
        Spec spec = top(false);
        ids = savedIds;
        sources.clear();
        sources.addAll(saved);
        // The child's inputs are the IN leaves it reads; the parent drives each with an expression.
        Map<Integer, Ty> inputs = new java.util.TreeMap<>();
        for (Node root : allRoots(spec)) {
            List<Node> ns = new ArrayList<>();
            root.collect(ns);
            for (Node x : ns) {
                if (x.op() == Op.IN) {
                    inputs.put((int) x.p()[0], x.ty());
                }
            }
        }
        List<Integer> ids2 = new ArrayList<>(inputs.keySet());
        List<Node> drivers = new ArrayList<>();
        for (int in : ids2) {
            Ty t = inputs.get(in);
            drivers.add(fit(gen(depth(), t.kind()), t).n);
        }
        int copies = rnd.nextInt(3) == 0 ? 2 : 1;
        for (int c = 0; c < copies; c++) {
            for (Spec.Item it : spec.items()) {
                if (it instanceof Spec.Out o) {
                    sources.add(new Src(Op.CHILD, new long[] {id, ((long) c << 16) | o.id()}, o.value().ty()));
                }
            }
        }
        return new Spec.Child(id, spec, ids2, drivers, copies);
    }

    static List<Node> allRoots(Spec s) {
        List<Node> out = new ArrayList<>(s.roots());
        for (Spec.Item it : s.items()) {
            if (it instanceof Spec.Reg r && r.init() != null) {
                out.add(r.init());
            }
        }
        return out;
    }

    // ---- types ----

    private Kind randomKind() {
        int k = rnd.nextInt(10);
        return k < 3 ? Kind.UINT : k < 6 ? Kind.SINT : k < 7 ? Kind.BITS : k < 8 ? Kind.BOOL : Kind.FIX;
    }

    private int randomWidth() {
        int k = rnd.nextInt(10);
        if (k < 5) {
            return 1 + rnd.nextInt(8);
        } else if (k < 8) {
            return 1 + rnd.nextInt(33);
        }
        return 1 + rnd.nextInt(MAX_LEAF_WIDTH);
    }

    private FixFormat randomFormat() {
        int total = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(40) : 1 + rnd.nextInt(16);
        int intBits = -2 + rnd.nextInt(total + 5);
        return new FixFormat(rnd.nextBoolean(), intBits, total - intBits);
    }

    private Ty randomType(Kind k) {
        return switch (k) {
            case BOOL -> Ty.bool();
            case UINT -> Ty.uint(randomWidth());
            case SINT -> Ty.sint(randomWidth());
            case BITS -> Ty.bits(randomWidth());
            case FIX -> Ty.fix(randomFormat());
        };
    }

    // ---- expressions ----

    private G make(Op op, long[] p, Ty forcedTy, G... kids) {
        Ground[] gs = new Ground[kids.length];
        List<Node> ns = new ArrayList<>();
        for (int i = 0; i < kids.length; i++) {
            gs[i] = kids[i].g;
            ns.add(kids[i].n);
        }
        Ground g = Node.apply(op, p, gs, forcedTy, null);
        return new G(new Node(op, p, ns, Ty.of(g)), g);
    }

    private G make(Op op, long[] p, G... kids) {
        return make(op, p, null, kids);
    }

    private G leaf(Op op, Ty ty, long... p) {
        String key = op + java.util.Arrays.toString(p) + ty;
        Ground g = scratch.computeIfAbsent(key, k -> in(ty.type()).named("s" + scratch.size()));
        return new G(Node.leaf(op, ty, p), g);
    }

    private G constant(Ty ty) {
        if (ty.kind() == Kind.FIX) {
            FixFormat f = ty.fmt();
            int w = Math.min(f.width(), 40);
            long raw = rnd.nextLong() >> (64 - w);
            if (!f.signed()) {
                raw = (rnd.nextLong() >>> (64 - w));
            }
            if (f.width() > 40 && f.signed() && raw < 0) {
                raw = -raw;
            }
            double v = Math.scalb((double) raw, -f.fracBits());
            G c = new G(Node.leaf(Op.FCONST, ty, Double.doubleToLongBits(v)), org.edgemoe.hdl.core.Hdl.fix(v, f));
            return c;
        }
        long v = randomFitting(ty);
        return new G(Node.leaf(Op.CONST, ty, v), Node.constant(ty, v));
    }

    private long randomFitting(Ty ty) {
        int w = Math.min(ty.width(), 62);
        if (ty.kind() == Kind.SINT) {
            long lo = -(1L << (w - 1));
            long hi = (1L << (w - 1)) - 1;
            return switch (rnd.nextInt(5)) {
                case 0 -> lo;
                case 1 -> hi;
                case 2 -> -1L < lo ? 0 : -1;
                default -> lo + (long) (rnd.nextDouble() * ((double) hi - lo));
            };
        }
        long max = w == 62 ? (1L << 62) - 1 : (1L << w) - 1;
        return switch (rnd.nextInt(4)) {
            case 0 -> max;
            case 1 -> 0;
            default -> (long) (rnd.nextDouble() * max);
        };
    }

    private G leafOf(Kind want) {
        List<Src> choices = new ArrayList<>();
        for (Src s : sources) {
            if (s.ty.kind() == want && (!inputsOnly || s.op == Op.IN)) {
                choices.add(s);
            }
        }
        int r = rnd.nextInt(10);
        if (r < 1) {
            return constant(randomType(want));
        }
        if (r < 6 && !choices.isEmpty()) {
            Src s = choices.get(rnd.nextInt(choices.size()));
            return leaf(s.op, s.ty, s.p);
        }
        Ty ty = randomType(want);
        int id = ids++;
        sources.add(new Src(Op.IN, new long[] {id}, ty));
        return leaf(Op.IN, ty, id);
    }

    /** A random tree of kind {@code want} (any kind when null), at most {@code depth} deep. */
    private G gen(int depth, Kind want) {
        Kind k = want != null ? want : randomKind();
        if (depth <= 0 || rnd.nextInt(8) == 0) {
            return leafOf(k);
        }
        G g = switch (k) {
            case BOOL -> genBool(depth - 1);
            case UINT, SINT -> genNumeric(depth - 1, k);
            case BITS -> genBits(depth - 1);
            case FIX -> genFix(depth - 1);
        };
        return capped(g);
    }

    /** Keeps intermediate widths bounded (products of products grow fast). */
    private G capped(G g) {
        Ty t = g.n.ty();
        if (t.width() <= MAX_WIDTH) {
            return g;
        }
        if (t.kind() == Kind.FIX) {
            return make(Op.FRESIZE, new long[] {rnd.nextInt(3), rnd.nextInt(2)}, Ty.fix(randomFormat()), g);
        }
        int w = 1 + rnd.nextInt(MAX_LEAF_WIDTH);
        int lo = rnd.nextInt(t.width() - w + 1);
        return make(Op.SLICE, new long[] {lo + w - 1, lo}, g);
    }

    private G anyVector(int depth) {
        Kind k = switch (rnd.nextInt(3)) {
            case 0 -> Kind.UINT;
            case 1 -> Kind.SINT;
            default -> Kind.BITS;
        };
        return gen(depth, k);
    }

    /** {@code g} converted to exactly {@code ty} (same kind): resized vector or fixed-point format. */
    private G fit(G g, Ty ty) {
        Ty t = g.n.ty();
        if (t.equals(ty)) {
            return g;
        }
        if (ty.kind() == Kind.FIX) {
            if (rnd.nextInt(4) == 0) {
                return make(Op.FTRUNC, new long[0], ty, g);
            }
            return make(Op.FRESIZE, new long[] {rnd.nextInt(3), rnd.nextInt(2)}, ty, g);
        }
        if (ty.kind() == Kind.BOOL) {
            return g;
        }
        if (t.width() > ty.width() && rnd.nextBoolean()) {
            int lo = rnd.nextInt(t.width() - ty.width() + 1);
            return make(Op.SLICE, new long[] {lo + ty.width() - 1, lo}, g);
        }
        return make(Op.RESIZE, new long[] {ty.width()}, g);
    }

    private G genBool(int d) {
        switch (rnd.nextInt(12)) {
            case 0: case 1: {
                G a = anyVector(d);
                G b = gen(d, a.n.ty().kind());
                return make(rnd.nextBoolean() ? Op.EQ : Op.NE, new long[0], a, b);
            }
            case 2: case 3: {
                Kind k = rnd.nextBoolean() ? Kind.UINT : Kind.SINT;
                G a = gen(d, k);
                G b = gen(d, k);
                Op[] ops = {Op.LT, Op.LE, Op.GT, Op.GE};
                return make(ops[rnd.nextInt(4)], new long[0], a, b);
            }
            case 4: {
                Kind k = rnd.nextBoolean() ? Kind.UINT : Kind.SINT;
                G a = gen(d, k);
                Op[] ops = {Op.EQC, Op.LTC, Op.GEC};
                return make(ops[rnd.nextInt(3)], new long[] {randomFitting(a.n.ty())}, a);
            }
            case 5: {
                Op[] ops = {Op.ORR, Op.ANDR, Op.XORR};
                return make(ops[rnd.nextInt(3)], new long[0], anyVector(d));
            }
            case 6: {
                G a = anyVector(d);
                return make(Op.BIT, new long[] {rnd.nextInt(a.n.ty().width())}, a);
            }
            case 7: {
                Op[] ops = {Op.AND, Op.OR, Op.XOR, Op.EQ, Op.NE};
                return make(ops[rnd.nextInt(ops.length)], new long[0], gen(d, Kind.BOOL), gen(d, Kind.BOOL));
            }
            case 8:
                return make(Op.NOT, new long[0], gen(d, Kind.BOOL));
            case 9: {
                Op[] ops = {Op.FLT, Op.FLE, Op.FGT, Op.FGE, Op.FEQ};
                return make(ops[rnd.nextInt(ops.length)], new long[0], gen(d, Kind.FIX), gen(d, Kind.FIX));
            }
            default:
                return make(Op.MUX, new long[0], gen(d, Kind.BOOL), gen(d, Kind.BOOL), gen(d, Kind.BOOL));
        }
    }

    private G genNumeric(int d, Kind k) {
        int r = rnd.nextInt(22);
        switch (r) {
            case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: {
                Op[] ops = {Op.ADD, Op.SUB, Op.ADDX, Op.SUBX, Op.MUL, Op.AND, Op.OR, Op.XOR};
                return make(ops[r], new long[0], gen(d, k), gen(d, k));
            }
            case 8: {
                G a = gen(d, k);
                return make(rnd.nextBoolean() ? Op.ADDC : Op.SUBC, new long[] {randomFitting(a.n.ty())}, a);
            }
            case 9: {
                if (k == Kind.SINT) {
                    return make(rnd.nextBoolean() ? Op.NEG : Op.NEGX, new long[0], gen(d, k));
                }
                return make(Op.NOT, new long[0], gen(d, k));
            }
            case 10:
                return make(Op.NOT, new long[0], gen(d, k));
            case 11: case 12:
                return shift(d, k);
            case 13:
                return bitOps(d, k);
            case 14: {
                G a = gen(d, k);
                return make(Op.MUX, new long[0], gen(d, Kind.BOOL), a, fit(gen(d, k), a.n.ty()));
            }
            case 15: {
                if (k == Kind.UINT) {
                    return rnd.nextBoolean() ? make(Op.AS_UINT, new long[0], anyVector(d))
                            : make(Op.AS_UINT, new long[0], gen(d, Kind.BOOL));
                }
                return rnd.nextBoolean() ? make(Op.AS_SINT, new long[0], anyVector(d)) : make(Op.TO_SINT, new long[0], gen(d, Kind.UINT));
            }
            case 16:
                return make(k == Kind.UINT ? Op.RAW_UINT : Op.RAW_SINT, new long[0], gen(d, Kind.FIX));
            default:
                return bitOps(d, k);
        }
    }

    private G shift(int d, Kind k) {
        G a = gen(d, k);
        switch (rnd.nextInt(4)) {
            case 0:
                return make(Op.SHLC, new long[] {rnd.nextInt(9)}, a);
            case 1:
                return make(Op.SHRC, new long[] {rnd.nextInt(a.n.ty().width() + 3)}, a);
            case 2:
                return make(Op.SHL, new long[0], a, fit(gen(d, Kind.UINT), Ty.uint(1 + rnd.nextInt(3))));
            default:
                return make(Op.SHR, new long[0], a, fit(gen(d, Kind.UINT), Ty.uint(1 + rnd.nextInt(7))));
        }
    }

    /** Operations every bit vector kind has: resize, slice, shifts, bitwise. */
    private G bitOps(int d, Kind k) {
        G a = gen(d, k);
        int w = a.n.ty().width();
        switch (rnd.nextInt(5)) {
            case 0:
                return make(Op.RESIZE, new long[] {1 + rnd.nextInt(MAX_LEAF_WIDTH)}, a);
            case 1: {
                int hi = rnd.nextInt(w);
                int lo = rnd.nextInt(hi + 1);
                return make(Op.SLICE, new long[] {hi, lo}, a);
            }
            case 2:
                return shift(d, k);
            default: {
                Op[] ops = {Op.AND, Op.OR, Op.XOR};
                return make(ops[rnd.nextInt(3)], new long[0], a, gen(d, k));
            }
        }
    }

    private G genBits(int d) {
        switch (rnd.nextInt(8)) {
            case 0: case 1: {
                int n = 1 + rnd.nextInt(3);
                G[] parts = new G[n];
                for (int i = 0; i < n; i++) {
                    parts[i] = gen(d, null);
                }
                return make(Op.CAT, new long[0], parts);
            }
            case 2:
                return make(Op.AS_BITS, new long[0], rnd.nextBoolean() ? anyVector(d) : gen(d, Kind.BOOL));
            case 3:
                return make(Op.NOT, new long[0], gen(d, Kind.BITS));
            case 4: {
                G a = gen(d, Kind.BITS);
                return make(Op.MUX, new long[0], gen(d, Kind.BOOL), a, fit(gen(d, Kind.BITS), a.n.ty()));
            }
            default:
                return bitOps(d, Kind.BITS);
        }
    }

    private G genFix(int d) {
        switch (rnd.nextInt(9)) {
            case 0: case 1:
                return make(rnd.nextBoolean() ? Op.FADD : Op.FSUB, new long[0], gen(d, Kind.FIX), gen(d, Kind.FIX));
            case 2:
                return make(Op.FMUL, new long[0], gen(d, Kind.FIX), gen(d, Kind.FIX));
            case 3:
                return make(Op.FSCALE, new long[] {rnd.nextInt(7) - 3}, gen(d, Kind.FIX));
            case 4: case 5:
                return make(Op.FRESIZE, new long[] {rnd.nextInt(3), rnd.nextInt(2)}, Ty.fix(randomFormat()), gen(d, Kind.FIX));
            case 6: {
                G raw = anyVector(d);
                int w = raw.n.ty().width();
                int intBits = -2 + rnd.nextInt(w + 5);
                return make(Op.FROM_RAW, new long[0], Ty.fix(new FixFormat(rnd.nextBoolean(), intBits, w - intBits)), raw);
            }
            case 7: {
                G a = gen(d, Kind.FIX);
                return make(Op.MUX, new long[0], gen(d, Kind.BOOL), a, fit(gen(d, Kind.FIX), a.n.ty()));
            }
            default:
                return make(Op.FTRUNC, new long[0], Ty.fix(randomFormat()), gen(d, Kind.FIX));
        }
    }
}
