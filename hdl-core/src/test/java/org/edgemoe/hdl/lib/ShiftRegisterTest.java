package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.IcarusSim;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ShiftRegister: stage names, enable, reset values of the valid line (Icarus against a Java model). */
class ShiftRegisterTest {
    @TempDir Path tmp;

    static final int N = 3;
    static final int CYCLES = 40;

    static TestModule design() {
        return new TestModule("DelayLines", () -> {
            UInt x = in(UInt(8)).named("x");
            Bool v = in(Bool()).named("v");
            Bool en = in(Bool()).named("en");
            UInt y = out(UInt(8)).named("y");
            Bool yv = out(Bool()).named("yv");
            Bool anyV = out(Bool()).named("anyV");
            UInt free = out(UInt(8)).named("free");
            y.set(ShiftRegister.delay(x, N, en, "dl"));
            List<Bool> valids = ShiftRegister.history(v, N, en, B(false), "vl");
            yv.set(valids.get(N - 1));
            anyV.set(ShiftRegister.any(valids));
            free.set(ShiftRegister.delay(x, 2, null, "fr"));
        });
    }

    @Test void stagesHaveStableNames() {
        String v = Emit.of(ShiftRegisterTest::design).files().get("DelayLines.v");
        for (int d = 0; d < N; d++) {
            assertTrue(v.contains("dl_" + d), "stage dl_" + d + " in\n" + v);
            assertTrue(v.contains("vl_" + d), "stage vl_" + d + " in\n" + v);
        }
        assertTrue(v.contains("fr_1"), v);
        assertFalse(v.contains("dl_" + N), v);
    }

    @Test void shiftsOnEnableAndResetsTheValidLine() {
        StringBuilder tb = new StringBuilder("""
                `timescale 1ns/1ps
                module tb;
                  reg clk = 0, reset = 1, en = 0, v = 0;
                  reg [7:0] x = 0;
                  wire [7:0] y, free;
                  wire yv, anyV;
                  DelayLines dut(.clk(clk), .reset(reset), .x(x), .v(v), .en(en), .y(y), .yv(yv), .anyV(anyV), .free(free));
                  initial begin
                    #1 clk = 1; #1 clk = 0; reset = 0;
                """);
        // the valid line: reset, so never X, even before anything was shifted in
        List<String> expected = new ArrayList<>();
        int[] dl = new int[N];
        int[] vl = new int[N];
        int[] fr = new int[2];
        boolean[] known = new boolean[N];
        for (int i = 0; i < CYCLES; i++) {
            boolean en = i % 3 != 1;
            int x = (i * 37 + 5) & 0xff;
            int v = (i % 4 == 0) ? 1 : 0;
            tb.append("    en = ").append(en ? 1 : 0).append("; x = ").append(x).append("; v = ").append(v)
                    .append("; #1 $display(\"R %0d %0d %0d %0d\", y, yv, anyV, free); clk = 1; #1 clk = 0;\n");
            String yS = known[N - 1] ? String.valueOf(dl[N - 1]) : "x";
            String fS = i >= 1 ? String.valueOf(fr[1]) : "x"; // the reset clock shifted x = 0 in
            int any = 0;
            for (int b : vl) {
                any |= b;
            }
            expected.add(yS + " " + vl[N - 1] + " " + any + " " + fS);
            if (en) {
                for (int d = N - 1; d > 0; d--) {
                    dl[d] = dl[d - 1];
                    vl[d] = vl[d - 1];
                    known[d] = known[d - 1];
                }
                dl[0] = x;
                vl[0] = v;
                known[0] = true;
            }
            fr[1] = fr[0];
            fr[0] = x;
        }
        tb.append("    $display(\"DONE\"); $finish;\n  end\nendmodule\n");
        EmittedDesign d = Emit.of(ShiftRegisterTest::design);
        IcarusSim.assertLines(expected, IcarusSim.run(d, tb.toString(), tmp));
    }

    @Test void zeroStagesIsTheInputAndBadArgumentsAreRejected() {
        Emit.of(() -> new TestModule("Zero", () -> {
            UInt x = in(UInt(4)).named("x");
            UInt y = out(UInt(4)).named("y");
            UInt same = ShiftRegister.delay(x, 0, null, "z");
            assertSame(x, same);
            assertTrue(ShiftRegister.history(x, 0, null, "z").isEmpty());
            assertThrows(IllegalArgumentException.class, () -> ShiftRegister.delay(x, -1, null, "z"));
            assertThrows(IllegalArgumentException.class, () -> ShiftRegister.delay(x, 1, null, "not a name"));
            y.set(same);
        }));
    }
}
