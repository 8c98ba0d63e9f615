package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.IrDump;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;
import org.junit.jupiter.api.Test;

/** Pass {@code legalise}, run alone: which nodes become wires, what is inlined, where temporaries go. */
class LegaliseTest {

    private static String wires(LegalModule lm) {
        StringBuilder sb = new StringBuilder();
        lm.nodeWires.forEach((s, def) -> sb.append(IrDump.irName(s)).append(" = ").append(IrDump.expr(def)).append('\n'));
        return sb.toString();
    }

    @Test
    void aSingleUseNodeIsInlinedAndAnUnreadOneDropped() {
        ModuleIR m = PassTesting.module("Inline", () -> {
            UInt a = in(UInt(8)).named("a");
            UInt b = in(UInt(8)).named("b");
            a.times(b);                                   // read by nothing
            out(UInt(8)).named("y").set(a.plus(b).xor(b));
        });
        LegalModule lm = Legalise.run(m);
        assertEquals("", wires(lm));
        assertEquals("    y := ((a + b) ^ b)\n", IrDump.statements(lm.body, 2, IrDump::irName));
        long liveNodes = m.signals().stream().filter(s -> s.kind() == SignalKind.NODE && lm.live.contains(s)).count();
        assertEquals(2, liveNodes, "the sum and the xor are live, the product is not");
    }

    @Test
    void aSharedOrNamedNodeStaysAWire() {
        ModuleIR m = PassTesting.module("Shared", () -> {
            UInt a = in(UInt(8)).named("a");
            UInt s = a.plus(1);
            UInt k = a.xor(U(3, 8)).named("k");
            out(UInt(8)).named("y").set(s.and(k));
            out(UInt(8)).named("z").set(s);
        });
        String w = wires(Legalise.run(m));
        assertTrue(w.matches("%\\d+ = \\(a \\+ 8'd1\\)\nk = \\(a \\^ 8'd3\\)\n"), w);
    }

    @Test
    void anIndexedNodeStaysAWire() {
        ModuleIR m = PassTesting.module("Indexed", () -> {
            UInt a = in(UInt(8)).named("a");
            UInt b = in(UInt(8)).named("b");
            out(UInt(4)).named("hi").set(a.plusExpand(b).slice(8, 5));
        });
        LegalModule lm = Legalise.run(m);
        assertTrue(wires(lm).matches("%\\d+ = \\(zext\\(a, 9\\) \\+ zext\\(b, 9\\)\\)\n"), wires(lm));
        assertTrue(IrDump.statements(lm.body, 0, IrDump::irName).matches("hi := %\\d+\\[8:5\\]\n"));
    }

    @Test
    void aSliceOfAnExpressionGetsATemporary() {
        // Built by hand: the front end always slices a node, but passes and helpers may slice any expression.
        ModuleIR m = new ModuleIR("Temp", SourceLoc.UNKNOWN);
        Signal a = port(m, SignalKind.INPUT, 8, "a");
        Signal b = port(m, SignalKind.INPUT, 8, "b");
        Signal hi = port(m, SignalKind.OUTPUT, 4, "hi");
        Signal lo = port(m, SignalKind.OUTPUT, 4, "lo");
        Expr sum = new Expr.Binary(Expr.BinaryOp.ADD, new Expr.Ref(a), new Expr.Ref(b), 8, false);
        m.body().add(new Stmt.Assign(hi, new Expr.Slice(sum, 7, 4, false), SourceLoc.UNKNOWN));
        m.body().add(new Stmt.Assign(lo, new Expr.Slice(sum, 3, 0, false), SourceLoc.UNKNOWN));
        LegalModule lm = Legalise.run(m);
        List<Signal> temps = lm.nodeWires.keySet().stream().filter(s -> s.serial() >= ModuleIR.TEMPORARY_SERIAL).toList();
        assertEquals(1, temps.size(), "equal expressions share one temporary: " + wires(lm));
        assertEquals("%t0 = (a + b)\n", wires(lm));
        assertEquals("hi := %t0[7:4]\nlo := %t0[3:0]\n", IrDump.statements(lm.body, 0, IrDump::irName));
        assertEquals(4, m.signals().size(), "the temporary is not added to the netlist");
    }

    private static Signal port(ModuleIR m, SignalKind kind, int width, String name) {
        Signal s = m.newSignal(kind, width, false, SourceLoc.UNKNOWN);
        s.suggestName(name, Signal.NameSource.EXPLICIT);
        return s;
    }

    @Test
    void legalisingTwiceGivesTheSameModuleAndLeavesTheIrAlone() {
        ModuleIR m = PassTesting.module("Twice", () -> {
            UInt a = in(UInt(8)).named("a");
            out(UInt(2)).named("y").set(a.plus(a).slice(3, 2));
        });
        String before = IrDump.module(m);
        LegalModule first = Legalise.run(m);
        LegalModule second = Legalise.run(m);
        assertEquals(IrDump.statements(first.body, 0, IrDump::irName), IrDump.statements(second.body, 0, IrDump::irName));
        assertEquals(wires(first), wires(second));
        assertEquals(before, IrDump.module(m));
    }
}
