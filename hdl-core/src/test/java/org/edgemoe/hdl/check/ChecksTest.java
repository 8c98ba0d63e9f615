package org.edgemoe.hdl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;
import org.junit.jupiter.api.Test;

/** The check list: its order, and each check run alone on a netlist with one defect of every kind. */
class ChecksTest {

    /** A wire assigned only under a condition, an undriven output, a port named 'wire', a loop. */
    private static ModuleIR defective() {
        ModuleIR m = new ModuleIR("Defective", new SourceLoc("Defective.java", 1));
        Signal c = signal(m, SignalKind.INPUT, "c", 2);
        Signal w = signal(m, SignalKind.WIRE, "w", 3);
        signal(m, SignalKind.OUTPUT, "undriven", 4);
        Signal kw = signal(m, SignalKind.OUTPUT, "wire", 5);
        Signal p = signal(m, SignalKind.WIRE, "p", 6);
        Signal q = signal(m, SignalKind.WIRE, "q", 7);
        m.body().add(new Stmt.When(new Expr.Ref(c), List.of(new Stmt.Assign(w, new Expr.Ref(c), new SourceLoc("Defective.java", 8))),
                List.of(), new SourceLoc("Defective.java", 8)));
        m.body().add(new Stmt.Assign(kw, new Expr.Ref(w), new SourceLoc("Defective.java", 9)));
        m.body().add(new Stmt.Assign(p, new Expr.Ref(q), new SourceLoc("Defective.java", 10)));
        m.body().add(new Stmt.Assign(q, new Expr.Ref(p), new SourceLoc("Defective.java", 11)));
        return m;
    }

    private static Signal signal(ModuleIR m, SignalKind kind, String name, int line) {
        Signal s = m.newSignal(kind, 1, false, new SourceLoc("Defective.java", line));
        s.suggestName(name, Signal.NameSource.EXPLICIT);
        return s;
    }

    private static List<String> run(List<Checks.Check> checks) {
        Diagnostics d = new Diagnostics();
        Checks.run(defective(), d, checks);
        return d.errors().stream().map(x -> x.loc().line() + " " + x.message().split(":")[0]).toList();
    }

    @Test
    void eachCheckAloneFindsOnlyItsDefect() {
        assertEquals(List.of("5 illegal identifier"), run(List.of(Checks.Check.NAMES)));
        assertEquals(List.of("4 output 'undriven' of Defective is never driven"), run(List.of(Checks.Check.DRIVERS)));
        assertEquals(List.of("8 latch"), run(List.of(Checks.Check.LATCHES)));
        assertEquals(List.of("6 combinational loop in Defective through"), run(List.of(Checks.Check.COMB_LOOPS)));
    }

    @Test
    void allChecksRunInListOrder() {
        assertEquals(List.of(Checks.Check.NAMES, Checks.Check.DRIVERS, Checks.Check.LATCHES, Checks.Check.COMB_LOOPS), Checks.ORDER);
        assertEquals(List.of("5 illegal identifier", "4 output 'undriven' of Defective is never driven", "8 latch",
                "6 combinational loop in Defective through"), run(Checks.ORDER));
        assertEquals(run(Checks.ORDER), run(List.of(Checks.Check.COMB_LOOPS, Checks.Check.LATCHES, Checks.Check.DRIVERS, Checks.Check.NAMES)),
                "the pipeline order holds whatever order the caller lists");
    }
}
