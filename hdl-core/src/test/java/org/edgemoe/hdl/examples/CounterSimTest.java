package org.edgemoe.hdl.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.IcarusSim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CounterExample(4) in Icarus against a Java model: counts enabled cycles, wraps at 15 with a one-cycle pulse. */
class CounterSimTest {

    @TempDir Path tmp;

    static final int CYCLES = 60;

    static boolean enable(int cycle) {
        return cycle % 5 != 2;
    }

    @Test void countsAndWraps() {
        StringBuilder tb = new StringBuilder("""
                `timescale 1ns/1ps
                module tb;
                  reg clk = 0, reset = 1, en = 0;
                  wire [7:0] count;
                  wire wrapped;
                  CounterExample dut(.clk(clk), .reset(reset), .io_enable(en), .io_count(count), .io_wrapped(wrapped));
                  initial begin
                    #1 clk = 1; #1 clk = 0; reset = 0;
                """);
        for (int i = 0; i < CYCLES; i++) {
            tb.append("    en = ").append(enable(i) ? 1 : 0).append("; #1 $display(\"R %0d %0d\", count, wrapped); clk = 1; #1 clk = 0;\n");
        }
        tb.append("    $display(\"DONE\"); $finish;\n  end\nendmodule\n");

        List<String> expected = new ArrayList<>();
        int value = 0;
        int wraps = 0;
        for (int i = 0; i < CYCLES; i++) {
            boolean en = enable(i);
            boolean wrapped = en && value == 15;
            wraps += wrapped ? 1 : 0;
            expected.add(value + " " + (wrapped ? 1 : 0));
            if (en) {
                value = (value + 1) & 15;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(wraps >= 2, "the stimulus must wrap at least twice");
        IcarusSim.assertLines(expected, IcarusSim.run(Emit.of(() -> new CounterExample(4)), tb.toString(), tmp));
    }
}
