package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

/** when/elsewhen/otherwise stays if / else if / else, switchOn stays case, registers in always @(posedge clk). */
class ControlFlowTextTest {

    @Test void whenChainIsIfElseIf() {
        String v = Emit.ofBody("WhenChain", () -> {
            Bool a = in(Bool()).named("a");
            Bool b = in(Bool()).named("b");
            UInt y = out(UInt(2)).named("y");
            when(a, () -> y.set(U(1, 2)))
                .elsewhen(b, () -> y.set(U(2, 2)))
                .otherwise(() -> y.set(U(3, 2)));
        }).module("WhenChain");
        assertTrue(Pattern.compile("if \\(a\\) begin").matcher(v).find(), v);
        assertTrue(Pattern.compile("end else if \\(b\\) begin").matcher(v).find(), v);
        assertTrue(Pattern.compile("end else begin").matcher(v).find(), v);
        assertFalse(v.contains("?"), "no ternary for a when chain:\n" + v);
    }

    @Test void switchIsCase() {
        String v = Emit.ofBody("Switch", () -> {
            UInt sel = in(UInt(2)).named("sel");
            UInt y = out(UInt(4)).named("y");
            switchOn(sel)
                .is(0, () -> y.set(U(1, 4)))
                .is(new long[] {1, 2}, () -> y.set(U(2, 4)))
                .otherwise(() -> y.set(U(9, 4)));
        }).module("Switch");
        assertTrue(Pattern.compile("case \\(sel\\)").matcher(v).find(), v);
        assertTrue(v.contains("endcase"), v);
        assertTrue(v.contains("default"), v);
        assertTrue(Pattern.compile("2'd1,\\s*2'd2\\s*:").matcher(v).find(), "several values in one case item:\n" + v);
    }

    @Test void registersInPosedgeBlockWithSyncReset() {
        String v = Emit.ofBody("Regs", () -> {
            UInt r = reg(UInt(8)).init(5).named("r");
            r.set(r.plus(1));
            out(UInt(8)).named("y").set(r);
        }).module("Regs");
        assertTrue(v.contains("always @(posedge clk) begin"), v);
        assertTrue(Pattern.compile("if \\(reset\\) begin\\s+r <= 8'd5;").matcher(v).find(), v);
        assertTrue(v.contains("r <= r + 8'd1;"), v);
        assertTrue(Pattern.compile("input\\s+wire\\s+clk").matcher(v).find(), v);
    }
}
