package org.edgemoe.hdl.emit;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.StmtWalk;

/**
 * Which bits of each signal the printed module reads. A signal with unread bits is declared inside a
 * {@code verilator lint_off UNUSEDSIGNAL} pair: an intentional truncation, not a mistake.
 */
final class Usage {
    private final Map<Signal, BitSet> read = new IdentityHashMap<>();

    Usage(LegalModule lm) {
        StmtWalk.exprs(lm.body, this::expr);
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

    private void expr(Expr e) {
        if (e instanceof Expr.Ref r) {
            all(r.signal());
        } else if (e instanceof Expr.Slice sl && base(sl.a()) instanceof Expr.Ref r) {
            read.computeIfAbsent(r.signal(), k -> new BitSet()).set(sl.lo(), sl.hi() + 1);
        } else {
            e.children().forEach(this::expr);
        }
    }

    private static Expr base(Expr e) {
        return e instanceof Expr.Reinterpret r ? r.a() : e;
    }

    private void all(Signal s) {
        read.computeIfAbsent(s, k -> new BitSet()).set(0, s.width());
    }
}
