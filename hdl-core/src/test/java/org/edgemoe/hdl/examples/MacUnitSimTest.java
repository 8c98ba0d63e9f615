package org.edgemoe.hdl.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.edgemoe.hdl.examples.MacUnit;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.IcarusSim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MacUnit in Icarus against a Java model of its fixed-point semantics: product SQ10.22 x SQ2.14 truncated
 * (floor) to 22 fraction bits, accumulate, saturate to SQ10.22; valid gates, clear restarts from zero.
 */
class MacUnitSimTest {

    @TempDir Path tmp;

    record Step(boolean valid, boolean clear, int x, int w) { }

    static List<Step> stimulus() {
        Random rnd = new Random(42);
        List<Step> s = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            s.add(new Step(rnd.nextInt(4) != 0, i == 0 || rnd.nextInt(10) == 0, rnd.nextInt(), (short) rnd.nextInt()));
        }
        // Drive into positive saturation, hold, then into negative saturation.
        s.add(new Step(true, true, Integer.MAX_VALUE, Short.MAX_VALUE));
        for (int i = 0; i < 8; i++) {
            s.add(new Step(true, false, Integer.MAX_VALUE, Short.MAX_VALUE));
        }
        for (int i = 0; i < 12; i++) {
            s.add(new Step(true, false, Integer.MAX_VALUE, Short.MIN_VALUE));
        }
        s.add(new Step(true, false, Integer.MIN_VALUE, Short.MIN_VALUE));
        s.add(new Step(true, true, -3 << 22, 1 << 13)); // -3 * 0.5
        s.add(new Step(true, false, 1, -1));            // tiny negative product floors to -1 LSB
        s.add(new Step(false, false, 0, 0));
        return s;
    }

    static long model(long acc, Step st) {
        if (!st.valid()) {
            return acc;
        }
        long product = Math.floorDiv((long) st.x() * st.w(), 1L << 14);
        long next = (st.clear() ? 0 : acc) + product;
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, next));
    }

    @Test void accumulatesWithTruncationAndSaturation() {
        List<Step> steps = stimulus();
        StringBuilder tb = new StringBuilder("""
                `timescale 1ns/1ps
                module tb;
                  reg clk = 0, reset = 1, valid = 0, clear = 0;
                  reg signed [31:0] x = 0;
                  reg signed [15:0] w = 0;
                  wire signed [31:0] acc;
                  MacUnit dut(.clk(clk), .reset(reset), .io_valid(valid), .io_clear(clear), .io_x(x), .io_w(w), .io_acc(acc));
                  initial begin
                    #1 clk = 1; #1 clk = 0; reset = 0;
                """);
        for (Step st : steps) {
            tb.append(String.format("    valid = %d; clear = %d; x = %d; w = %d; #1 clk = 1; #1 clk = 0; $display(\"R %%0d\", acc);%n",
                    st.valid() ? 1 : 0, st.clear() ? 1 : 0, st.x(), st.w()));
        }
        tb.append("    $display(\"DONE\"); $finish;\n  end\nendmodule\n");
        // Icarus parses "x = -2147483648" as -(2147483648), a 33-bit value truncated to the same pattern: fine.

        List<String> expected = new ArrayList<>();
        long acc = 0;
        boolean sawMax = false;
        boolean sawMin = false;
        for (Step st : steps) {
            acc = model(acc, st);
            sawMax |= acc == Integer.MAX_VALUE;
            sawMin |= acc == Integer.MIN_VALUE;
            expected.add(Long.toString(acc));
        }
        assertTrue(sawMax && sawMin, "stimulus must reach both saturation limits");
        IcarusSim.assertLines(expected, IcarusSim.run(Emit.of(MacUnit::new), tb.toString(), tmp));
    }
}
