package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.ir.IrDump;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Here;
import org.edgemoe.hdl.testing.Tool;
import org.edgemoe.hdl.testing.Workdir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * assertAlways / assume / report: one IR statement, printed in a simulation-and-formal-only section that
 * synthesis never sees, lint-clean with and without the testbench's DPI define, read by Icarus and by Yosys
 * in both its synthesis and formal modes.
 */
class CheckEmissionTest {
    @TempDir Path tmp;

    static int assertLine;
    static int reportLine;

    /** A counter that wraps at io_limit; it promises never to pass 9, which holds only for limit <= 9. */
    static final class Checked extends Module {
        final Bool en = in(Bool());
        final UInt limit = in(UInt(4));
        final Fix gain = in(SFix(2, 6));
        final UInt count = out(UInt(4));

        Checked() {
            UInt value = reg(UInt(4)).init(0).named("value");
            when(en, () -> {
                value.set(mux(value.eq(limit), U(0, 4), value.plus(1)));
                assertLine = Here.line() + 1;
                assertAlways(value.le(9), "value %d above 9 (limit %d)", value, limit);
                reportLine = Here.line() + 1;
                report("step: value=%d gain=%f (0x%x)", value, gain, gain);
            });
            assume(limit.ne(15), "limit 15 is reserved");
            count.set(value);
        }
    }

    @Test
    void checksAreOneStatementInTheIr() {
        String dump = IrDump.module(Elab.build(Checked::new).topIR());
        assertTrue(dump.matches("(?s).*\n      assert %\\d+ \"value %d above 9 \\(limit %d\\)\", value, io_limit  // CheckEmissionTest.java:"
                + assertLine + "\n.*"), dump);
        assertTrue(dump.contains("report \"step: value=%d gain=%f (0x%x)\", value, io_gain, io_gain"), dump);
        assertTrue(dump.matches("(?s).*\n    assume %\\d+ \"limit 15 is reserved\".*"), dump);
    }

    @Test
    void printedForSimulationAndFormalOnly() {
        String v = Emit.of(Checked::new).files().get("Checked.v");
        assertTrue(v.contains("`ifndef SYNTHESIS"), v);
        assertTrue(v.contains("wire chk_CheckEmissionTest_" + assertLine + " = ~io_en | (value <= 4'd9); // CheckEmissionTest.java:"
                + assertLine + ": value %d above 9 (limit %d)"), v);
        assertTrue(v.contains("assert (chk_CheckEmissionTest_" + assertLine + ");"), v);
        assertTrue(v.contains("assume (chk_CheckEmissionTest_"), v);
        assertTrue(v.contains("hdl_sim_event(1, \"CheckEmissionTest.java:" + assertLine
                + "\", $sformatf(\"value %0d above 9 (limit %0d)\", value, io_limit));"), v);
        assertTrue(v.contains("$sformatf(\"step: value=%0d gain=%f (0x%0h)\", value, ($itor($signed(io_gain)) / 64.0), io_gain)"), v);
        assertTrue(v.contains("$display(\"%m: assertion failed at CheckEmissionTest.java:" + assertLine), v);
        // the section comes after the logic and is closed
        int section = v.indexOf("`ifndef SYNTHESIS");
        assertTrue(v.indexOf("always @(posedge clk) begin\n    if (reset)") < section, v);
        assertEquals(v.split("`ifndef SYNTHESIS", -1).length - 1, 1);
        assertTrue(v.strip().endsWith("`endif\n`endif\n\nendmodule".strip()), v);
    }

    @Test
    void verilatorLintIsCleanInBothSimulationForms() {
        Tool.assumeVerilator();
        List<String> files = Workdir.write(Emit.of(Checked::new), tmp);
        for (String define : List.of("+define+NONE", "+define+HDL_SIM_DPI")) {
            Tool.Result r = Tool.run(tmp, Tool.concat(List.of("verilator", "--lint-only", "-Wall", define, "--top-module", "Checked"), files), 120);
            assertEquals(0, r.exitCode(), define + ":\n" + r.output());
            assertEquals("", r.output().strip(), define + " warnings");
        }
    }

    @Test
    void synthesisSeesNoneOfItAndFormalReadsTheAssertions() {
        Tool.assumeYosys();
        List<String> files = Workdir.write(Emit.of(Checked::new), tmp);
        Tool.Result synth = Tool.run(tmp, List.of("yosys", "-p", "read_verilog " + String.join(" ", files)
                + "; prep -top Checked; select -assert-none t:$assert t:$assume t:$print; stat"), 120);
        assertEquals(0, synth.exitCode(), synth.output());
        Tool.Result formal = Tool.run(tmp, List.of("yosys", "-p", "read_verilog -formal " + String.join(" ", files)
                + "; prep -top Checked; select -assert-count 1 t:$assert; select -assert-count 1 t:$assume"), 120);
        assertEquals(0, formal.exitCode(), formal.output());
    }

    @Test
    void icarusPrintsReportsAndStopsAtTheFailedAssertion() {
        Tool.assumeIverilog();
        List<String> files = Workdir.write(Emit.of(Checked::new), tmp);
        Workdir.writeText(tmp.resolve("tb.v"), """
                `timescale 1ns/1ns
                module tb;
                  reg clk = 0, reset = 1, en = 0;
                  reg [3:0] limit = 4'd12;
                  reg [7:0] gain = 8'hE0;
                  wire [3:0] count;
                  Checked dut (.clk(clk), .reset(reset), .io_en(en), .io_limit(limit), .io_gain(gain), .io_count(count));
                  always #5 clk = ~clk;
                  initial begin
                    #12 reset = 0; en = 1;
                    #400 $display("NOT STOPPED");
                    $finish;
                  end
                endmodule
                """);
        Tool.Result c = Tool.run(tmp, Tool.concat(List.of("iverilog", "-g2005", "-Wall", "-s", "tb", "-o", "sim.vvp", "tb.v"), files), 120);
        assertEquals(0, c.exitCode(), c.output());
        Tool.Result r = Tool.run(tmp, List.of("vvp", "-n", "sim.vvp"), 120);
        assertTrue(r.output().contains("tb.dut: CheckEmissionTest.java:" + reportLine + ": step: value=3 gain=-0.500000 (0xe0)"), r.output());
        assertTrue(r.output().contains("tb.dut: assertion failed at CheckEmissionTest.java:" + assertLine + ": value 10 above 9 (limit 12)"),
                r.output());
        assertFalse(r.output().contains("NOT STOPPED"), r.output());
    }

    @Test
    void badMessagesAreLocatedErrors() {
        int line = Here.line() + 3;
        List<Diagnostic> d = Elab.errors(() -> {
            UInt a = in(UInt(4)).named("a");
            assertAlways(a.ne(0), "a is %d and %d", a);
            assertAlways(a.ne(1), "real %f", a);
            report("%q", a);
            report("none", a);
        });
        assertEquals(4, d.size(), d.toString());
        assertEquals("CheckEmissionTest.java:" + line + ": message \"a is %d and %d\" has more conversions than the 1 argument(s) given",
                d.get(0).toString());
        assertEquals("CheckEmissionTest.java:" + (line + 1) + ": message \"real %f\": %f takes a fixed-point value, argument 1 is UInt(4)",
                d.get(1).toString());
        assertTrue(d.get(2).message().contains("unknown conversion %q"), d.get(2).toString());
        assertEquals("CheckEmissionTest.java:" + (line + 3) + ": message \"none\" has 0 conversion(s) for 1 argument(s)", d.get(3).toString());
    }
}
