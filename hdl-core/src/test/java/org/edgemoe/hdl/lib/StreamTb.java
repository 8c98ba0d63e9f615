package org.edgemoe.hdl.lib;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Design;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.IcarusSim;

/**
 * A random valid/ready testbench for designs with named stream ports: producers {@code p} offer payloads
 * {@code 64 * index + sequence} (held until accepted), consumers accept at random, extra Bool inputs are
 * random. Records every transfer; after {@code cycles} the producers stop and the consumers drain.
 */
final class StreamTb {
    final List<String> producers = new ArrayList<>();
    final List<String> consumers = new ArrayList<>();
    final List<String> extras = new ArrayList<>();
    int cycles = 400;
    int drain = 40;
    int validPct = 60;
    int readyPct = 60;
    int extraPct = 30;
    boolean checkStable = true;

    /** Transfers: "i0" / "o1" to lists of payloads; "i0x" to the extra inputs seen at each input transfer. */
    final Map<String, List<Integer>> fires = new LinkedHashMap<>();

    List<Integer> of(String key) {
        return fires.getOrDefault(key, List.of());
    }

    void run(Supplier<? extends Module> top, Path dir) {
        Design<? extends Module> d = Elab.build(top::get);
        boolean clocked = d.topIR().clockOrNull() != null;
        String name = d.topIR().definitionName();
        StringBuilder tb = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  reg clk = 0, reset = 1;\n  integer seed = 11, cyc;\n");
        List<String> conns = new ArrayList<>();
        if (clocked) {
            conns.add(".clk(clk)");
            conns.add(".reset(reset)");
        }
        for (int i = 0; i < producers.size(); i++) {
            String p = producers.get(i);
            tb.append("  reg p").append(i).append("_valid = 0, p").append(i).append("_fired = 0;\n  reg [7:0] p").append(i)
                    .append("_payload = ").append(64 * i).append(";\n  wire p").append(i).append("_ready;\n");
            conns.add("." + p + "_valid(p" + i + "_valid)");
            conns.add("." + p + "_ready(p" + i + "_ready)");
            conns.add("." + p + "_payload(p" + i + "_payload)");
        }
        for (int i = 0; i < consumers.size(); i++) {
            String c = consumers.get(i);
            tb.append("  reg c").append(i).append("_ready = 0, c").append(i).append("_stall = 0;\n  wire c").append(i)
                    .append("_valid;\n  wire [7:0] c").append(i).append("_payload;\n  reg [7:0] c").append(i).append("_last = 0;\n");
            conns.add("." + c + "_valid(c" + i + "_valid)");
            conns.add("." + c + "_ready(c" + i + "_ready)");
            conns.add("." + c + "_payload(c" + i + "_payload)");
        }
        for (String x : extras) {
            tb.append("  reg x_").append(x).append(" = 0;\n");
            conns.add("." + x + "(x_" + x + ")");
        }
        tb.append("  ").append(name).append(" dut(").append(String.join(", ", conns)).append(");\n");
        tb.append("  initial begin\n    #1 clk = 1; #1 clk = 0; reset = 0;\n");
        tb.append("    for (cyc = 0; cyc < ").append(cycles + drain).append("; cyc = cyc + 1) begin\n");
        for (int i = 0; i < producers.size(); i++) {
            tb.append("      if (!p").append(i).append("_valid) p").append(i).append("_valid = cyc < ").append(cycles)
                    .append(" && ({$random(seed)} % 100) < ").append(validPct).append(";\n");
        }
        for (int i = 0; i < consumers.size(); i++) {
            tb.append("      c").append(i).append("_ready = cyc >= ").append(cycles).append(" || ({$random(seed)} % 100) < ")
                    .append(readyPct).append(";\n");
        }
        for (String x : extras) {
            tb.append("      x_").append(x).append(" = cyc < ").append(cycles).append(" && ({$random(seed)} % 100) < ")
                    .append(extraPct).append(";\n");
        }
        tb.append("      #1;\n");
        StringBuilder extraFmt = new StringBuilder();
        StringBuilder extraArgs = new StringBuilder();
        for (String x : extras) {
            extraFmt.append(" %0d");
            extraArgs.append(", x_").append(x);
        }
        for (int i = 0; i < producers.size(); i++) {
            tb.append("      p").append(i).append("_fired = p").append(i).append("_valid && p").append(i).append("_ready;\n");
            tb.append("      if (p").append(i).append("_fired) $display(\"R i").append(i).append(" %0d").append(extraFmt)
                    .append("\", p").append(i).append("_payload").append(extraArgs).append(");\n");
        }
        for (int i = 0; i < consumers.size(); i++) {
            String c = "c" + i;
            if (checkStable) {
                tb.append("      if (").append(c).append("_stall && (!").append(c).append("_valid || ").append(c)
                        .append("_payload != ").append(c).append("_last)) $display(\"R unstable ").append(c).append(" %0d\", cyc);\n");
            }
            tb.append("      if (").append(c).append("_valid && ").append(c).append("_ready) $display(\"R o").append(i)
                    .append(" %0d\", ").append(c).append("_payload);\n");
            tb.append("      ").append(c).append("_stall = ").append(c).append("_valid && !").append(c).append("_ready; ")
                    .append(c).append("_last = ").append(c).append("_payload;\n");
        }
        tb.append("      clk = 1; #1 clk = 0;\n");
        for (int i = 0; i < producers.size(); i++) {
            tb.append("      if (p").append(i).append("_fired) begin p").append(i).append("_valid = 0; p").append(i)
                    .append("_payload = ").append(64 * i).append(" + (p").append(i).append("_payload + 1) % 64; end\n");
        }
        tb.append("    end\n    $display(\"DONE\"); $finish;\n  end\nendmodule\n");

        List<String> lines = IcarusSim.run(new VerilogEmitter().add(d.topIR()).render(), tb.toString(), dir);
        for (String l : lines) {
            String[] f = l.split(" ");
            if (f[0].equals("unstable")) {
                throw new AssertionError("output " + f[1] + " changed while valid and not ready, cycle " + f[2]);
            }
            fires.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Integer.parseInt(f[1]));
            if (f[0].startsWith("i")) {
                for (int k = 2; k < f.length; k++) {
                    fires.computeIfAbsent(f[0] + "x", k2 -> new ArrayList<>()).add(Integer.parseInt(f[k]));
                }
            }
        }
    }
}
