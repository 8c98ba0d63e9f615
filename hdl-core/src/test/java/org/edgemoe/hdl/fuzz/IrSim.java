package org.edgemoe.hdl.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.ir.ClockConfig;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.Memory;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.Stmt;

/**
 * A cycle-based interpreter of the elaborated netlist IR, written from the IR's documented meaning and
 * independent of the emitter (it never sees Verilog). Values are two's-complement bit patterns
 * (0 <= v < 2^width). Combinational logic is evaluated to a fixed point (last assignment wins, reads
 * see final values); a clock edge updates registers and memories, with synchronous reset.
 */
final class IrSim {
    private final Inst top;
    private final List<Inst> all = new ArrayList<>();

    /** One module instance and its state. */
    private final class Inst {
        final ModuleIR ir;
        final Map<Signal, BigInteger> val = new IdentityHashMap<>();
        final Map<Memory, BigInteger[]> mems = new IdentityHashMap<>();
        final List<Inst> kids = new ArrayList<>();
        final Map<Signal, BigInteger> nodeCache = new IdentityHashMap<>();

        Inst(ModuleIR ir) {
            this.ir = ir;
            for (Signal s : ir.signals()) {
                val.put(s, BigInteger.ZERO);
            }
            for (Memory m : ir.memories()) {
                BigInteger[] words = new BigInteger[m.depth()];
                java.util.Arrays.fill(words, BigInteger.ZERO);
                if (m.init() != null) {
                    for (int i = 0; i < m.init().size(); i++) {
                        words[i] = m.init().get(i);
                    }
                }
                mems.put(m, words);
            }
            all.add(this);
            for (Instance i : ir.instances()) {
                kids.add(new Inst(i.child()));
            }
        }

        BigInteger read(Signal s) {
            if (s.kind() == SignalKind.NODE) {
                BigInteger v = nodeCache.get(s);
                if (v == null) {
                    v = eval(s.definition());
                    nodeCache.put(s, v);
                }
                return v;
            }
            return val.get(s);
        }

        BigInteger eval(Expr e) {
            if (e instanceof Expr.Ref r) {
                return read(r.signal());
            } else if (e instanceof Expr.Const c) {
                return c.value();
            } else if (e instanceof Expr.Unary u) {
                BigInteger a = eval(u.a());
                int wa = u.a().width();
                return switch (u.op()) {
                    case NOT -> mask(a.not(), u.width());
                    case NEG -> mask(num(a, wa, u.a().signed()).negate(), u.width());
                    case AND_REDUCE -> bool(a.equals(ones(wa)));
                    case OR_REDUCE -> bool(a.signum() != 0);
                    case XOR_REDUCE -> bool(a.bitCount() % 2 == 1);
                };
            } else if (e instanceof Expr.Binary b) {
                BigInteger pa = eval(b.a());
                BigInteger pb = eval(b.b());
                BigInteger a = num(pa, b.a().width(), b.a().signed());
                BigInteger bb = num(pb, b.b().width(), b.b().signed());
                int w = b.width();
                switch (b.op()) {
                    case ADD: return mask(a.add(bb), w);
                    case SUB: return mask(a.subtract(bb), w);
                    case MUL: return mask(a.multiply(bb), w);
                    case AND: return mask(a.and(bb), w);
                    case OR: return mask(a.or(bb), w);
                    case XOR: return mask(a.xor(bb), w);
                    case SHL: return mask(pa.shiftLeft(shiftAmount(pb)), w);
                    case SHR: return mask(pa.shiftRight(shiftAmount(pb)), w);
                    case SSHR: return mask(a.shiftRight(shiftAmount(pb)), w);
                    default: {
                        // Comparisons: signed when the operator says so (operands have equal widths).
                        BigInteger x = b.signed() ? num(pa, b.a().width(), true) : pa;
                        BigInteger y = b.signed() ? num(pb, b.b().width(), true) : pb;
                        int c = x.compareTo(y);
                        return bool(switch (b.op()) {
                            case EQ -> c == 0;
                            case NE -> c != 0;
                            case LT -> c < 0;
                            case LE -> c <= 0;
                            case GT -> c > 0;
                            case GE -> c >= 0;
                            default -> throw new IllegalStateException(b.op().toString());
                        });
                    }
                }
            } else if (e instanceof Expr.Mux m) {
                return eval(m.cond()).signum() != 0 ? eval(m.whenTrue()) : eval(m.whenFalse());
            } else if (e instanceof Expr.Slice s) {
                return mask(eval(s.a()).shiftRight(s.lo()), s.width());
            } else if (e instanceof Expr.Concat c) {
                BigInteger v = BigInteger.ZERO;
                for (Expr p : c.parts()) {
                    v = v.shiftLeft(p.width()).or(eval(p));
                }
                return v;
            } else if (e instanceof Expr.Extend x) {
                return mask(num(eval(x.a()), x.a().width(), x.a().signed()), x.width());
            } else if (e instanceof Expr.Reinterpret r) {
                return eval(r.a());
            } else if (e instanceof Expr.MemRead m) {
                BigInteger[] words = mems.get(m.memory());
                BigInteger addr = eval(m.address());
                return addr.compareTo(BigInteger.valueOf(words.length)) < 0 ? words[addr.intValue()] : BigInteger.ZERO;
            }
            throw new IllegalStateException("unknown expression " + e);
        }

        /** Runs the body once: new values of combinational targets and next values of registers. */
        void exec(List<Stmt> stmts, Map<Signal, BigInteger> comb, Map<Signal, BigInteger> next, List<Runnable> memWrites) {
            for (Stmt s : stmts) {
                if (s instanceof Stmt.Assign a) {
                    BigInteger v = eval(a.value());
                    (a.target().kind() == SignalKind.REG ? next : comb).put(a.target(), v);
                } else if (s instanceof Stmt.When w) {
                    exec(eval(w.cond()).signum() != 0 ? w.whenTrue() : w.whenFalse(), comb, next, memWrites);
                } else if (s instanceof Stmt.Switch sw) {
                    BigInteger sel = eval(sw.selector());
                    List<Stmt> chosen = sw.otherwise();
                    outer:
                    for (Stmt.Case c : sw.cases()) {
                        for (Expr.Const v : c.values()) {
                            if (v.value().equals(sel)) {
                                chosen = c.body();
                                break outer;
                            }
                        }
                    }
                    exec(chosen, comb, next, memWrites);
                } else if (s instanceof Stmt.MemWrite mw) {
                    BigInteger addr = eval(mw.address());
                    BigInteger data = eval(mw.data());
                    BigInteger[] words = mems.get(mw.memory());
                    memWrites.add(() -> {
                        if (addr.compareTo(BigInteger.valueOf(words.length)) < 0) {
                            words[addr.intValue()] = data;
                        }
                    });
                } else if (s instanceof Stmt.MemReadSync r) {
                    BigInteger[] words = mems.get(r.memory());
                    BigInteger addr = eval(r.address());
                    next.put(r.target(), addr.compareTo(BigInteger.valueOf(words.length)) < 0 ? words[addr.intValue()] : BigInteger.ZERO);
                }
            }
        }

        boolean resetActive() {
            Signal r = ir.resetOrNull();
            if (r == null) {
                return false;
            }
            boolean high = val.get(r).signum() != 0;
            return ir.clockConfig().resetActiveHigh() == high;
        }
    }

    IrSim(ModuleIR top) {
        this.top = new Inst(top);
    }

    /** Sets a top-level input by its port name. */
    void set(String port, BigInteger value) {
        top.val.put(portOf(port), value);
    }

    BigInteger get(String port) {
        return top.val.get(portOf(port));
    }

    private final Map<String, Signal> ports = new HashMap<>();

    private Signal portOf(String name) {
        return ports.computeIfAbsent(name, n -> {
            for (Signal s : top.ir.ports()) {
                if (n.equals(s.name())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no port " + n);
        });
    }

    /** Settles every combinational value for the current inputs and register contents. */
    void settle() {
        applyAsyncReset();
        for (int iter = 0; ; iter++) {
            if (iter > 10_000) {
                throw new IllegalStateException("combinational logic does not settle");
            }
            boolean changed = false;
            for (Inst i : all) {
                i.nodeCache.clear();
                changed |= propagatePorts(i);
            }
            for (Inst i : all) {
                Map<Signal, BigInteger> comb = new IdentityHashMap<>();
                i.exec(i.ir.body(), comb, new IdentityHashMap<>(), new ArrayList<>());
                for (Map.Entry<Signal, BigInteger> e : comb.entrySet()) {
                    if (!e.getValue().equals(i.val.put(e.getKey(), e.getValue()))) {
                        changed = true;
                    }
                }
            }
            if (!changed) {
                for (Inst i : all) {
                    i.nodeCache.clear();
                }
                return;
            }
        }
    }

    /** Child inputs from their parent-side signals, parent-side copies of child outputs from the child. */
    private boolean propagatePorts(Inst parent) {
        boolean changed = false;
        for (int k = 0; k < parent.kids.size(); k++) {
            Inst child = parent.kids.get(k);
            Instance inst = parent.ir.instances().get(k);
            for (Map.Entry<Signal, Signal> b : inst.bindings().entrySet()) {
                Signal port = b.getKey();
                Signal side = b.getValue();
                if (port.kind() == SignalKind.INPUT) {
                    changed |= !parent.val.get(side).equals(child.val.put(port, parent.val.get(side)));
                } else {
                    changed |= !child.val.get(port).equals(parent.val.put(side, child.val.get(port)));
                }
            }
        }
        return changed;
    }

    private void applyAsyncReset() {
        for (Inst i : all) {
            if (i.ir.clockConfig().resetKind() == ClockConfig.ResetKind.ASYNC && i.resetActive()) {
                for (Signal s : i.ir.signals()) {
                    if (s.kind() == SignalKind.REG && s.resetValue() != null) {
                        i.val.put(s, i.eval(s.resetValue()));
                    }
                }
            }
        }
    }

    /** One rising clock edge (after {@link #settle()}): every instance samples, then all update together. */
    void clock() {
        List<Runnable> updates = new ArrayList<>();
        for (Inst i : all) {
            Map<Signal, BigInteger> next = new IdentityHashMap<>();
            List<Runnable> memWrites = new ArrayList<>();
            i.exec(i.ir.body(), new IdentityHashMap<>(), next, memWrites);
            if (i.resetActive()) {
                for (Signal s : i.ir.signals()) {
                    if (s.kind() == SignalKind.REG && s.resetValue() != null) {
                        next.put(s, i.eval(s.resetValue()));
                    }
                }
            }
            i.nodeCache.clear();
            updates.add(() -> next.forEach(i.val::put));
            updates.addAll(memWrites);
        }
        updates.forEach(Runnable::run);
    }

    private static BigInteger num(BigInteger pattern, int width, boolean signed) {
        if (signed && pattern.testBit(width - 1)) {
            return pattern.subtract(BigInteger.ONE.shiftLeft(width));
        }
        return pattern;
    }

    private static BigInteger mask(BigInteger v, int width) {
        return v.and(ones(width));
    }

    private static BigInteger ones(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static int shiftAmount(BigInteger amount) {
        return amount.bitLength() > 20 ? 1 << 20 : amount.intValue();
    }
}
