package org.edgemoe.hdl.emit;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.Stmt;

/**
 * Which bits of each signal the printed module reads. A signal with unread bits is declared inside a
 * {@code verilator lint_off UNUSEDSIGNAL} pair: an intentional truncation, not a mistake.
 */
final class Usage {
    private final Map<Signal, BitSet> read = new IdentityHashMap<>();

    Usage(LegalModule lm) {
        for (Stmt s : lm.body) {
            stmt(s);
        }
        lm.nodeWires.values().forEach(this::expr);
        lm.resetValues.values().forEach(this::expr);
        for (Instance inst : lm.ir.instances()) {
            inst.bindings().forEach((port, side) -> {
                if (port.kind() == SignalKind.INPUT) {
                    all(side);
                }
            });
        }
    }

    boolean fullyRead(Signal s) {
        BitSet b = read.get(s);
        return b != null && b.cardinality() == s.width();
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            expr(a.value());
        } else if (s instanceof Stmt.When w) {
            expr(w.cond());
            stmts(w.whenTrue());
            stmts(w.whenFalse());
        } else if (s instanceof Stmt.Switch sw) {
            expr(sw.selector());
            sw.cases().forEach(c -> stmts(c.body()));
            stmts(sw.otherwise());
        } else if (s instanceof Stmt.MemWrite w) {
            expr(w.address());
            expr(w.data());
        } else if (s instanceof Stmt.MemReadSync r) {
            expr(r.address());
        }
    }

    private void stmts(List<Stmt> l) {
        l.forEach(this::stmt);
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Ref r) {
            all(r.signal());
        } else if (e instanceof Expr.Slice sl && base(sl.a()) instanceof Expr.Ref r) {
            read.computeIfAbsent(r.signal(), k -> new BitSet()).set(sl.lo(), sl.hi() + 1);
        } else if (e instanceof Expr.Extend x && x.a().signed()) {
            expr(x.a());
        } else {
            java.util.List<Expr> kids = new java.util.ArrayList<>();
            Legalise.children(e, kids);
            kids.forEach(this::expr);
        }
    }

    private static Expr base(Expr e) {
        return e instanceof Expr.Reinterpret r ? r.a() : e;
    }

    private void all(Signal s) {
        read.computeIfAbsent(s, k -> new BitSet()).set(0, s.width());
    }
}
