package org.edgemoe.rtl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.junit.jupiter.api.Assumptions;

/**
 * Reset in Icarus Verilog, where every register without a reset powers on as X: a generated testbench
 * holds reset with idle inputs, then checks the control outputs (every {@code *_valid}, {@code *_ready},
 * {@code io_busy}) cycle by cycle: known (never X or Z) from the first cycle after reset, every output
 * valid and busy low while the inputs stay idle, known under random traffic on every input (random
 * valids, readys and payloads), and after a reset pulse in the middle of that traffic idle and empty again.
 */
public final class IcarusReset {
    private static final Pattern PORT = Pattern.compile(
            "^\\s*(input|output)\\s+wire\\s+(?:signed\\s+)?(?:\\[(\\d+):0\\]\\s+)?(\\w+),?\\s*$");
    static final int IDLE = 16;
    static final int TRAFFIC = 80;

    private IcarusReset() { }

    record Port(boolean input, int width, String name) {
        boolean control() {
            return name.endsWith("_valid") || name.endsWith("_ready") || name.equals("io_busy");
        }
    }

    /** Runs the check on {@code design} in {@code dir} with {@code $random} seeded by {@code seed}. */
    public static void assertComesOutOfResetKnownAndIdle(Supplier<? extends Module> design, Path dir, int seed)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("iverilog"), "iverilog not found: install it (apt-get install iverilog)");
        EmittedDesign d = new VerilogEmitter().add(Elaboration.elaborate(design).topIR()).write(dir);
        String top = d.tops().get(0);
        List<Port> ports = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(top + ".v"))) {
            Matcher m = PORT.matcher(line);
            if (m.matches()) {
                ports.add(new Port(m.group(1).equals("input"), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)) + 1, m.group(3)));
            }
            if (line.startsWith(");")) {
                break;
            }
        }
        List<Port> control = ports.stream().filter(p -> !p.input() && p.control()).toList();
        assertTrue(!control.isEmpty(), top + ": no control outputs found in the port list");
        Files.writeString(dir.resolve("tb_reset.v"), testbench(top, ports, control, seed));
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-s", "tb", "-o", "reset.vvp", "tb_reset.v"));
        for (String f : d.files().keySet()) {
            if (f.endsWith(".v")) {
                cmd.add(f);
            }
        }
        String c = run(dir, cmd);
        String out = run(dir, List.of("vvp", "-n", "reset.vvp"));
        assertTrue(out.contains("DONE"), "testbench did not finish:\n" + c + out);
        String header = control.stream().map(Port::name).reduce((a, b) -> a + " " + b).orElse("");
        for (String line : out.lines().filter(l -> l.startsWith("R ")).toList()) {
            String[] f = line.split(" ");
            String phase = f[1];
            for (int i = 0; i < control.size(); i++) {
                String v = f[3 + i];
                String name = control.get(i).name();
                assertTrue(!v.contains("x") && !v.contains("z"), top + ": " + name + " is " + v + " in phase " + phase
                        + " cycle " + f[2] + " after reset (" + header + ")");
                if (phase.equals("idle") && (name.endsWith("_valid") || name.equals("io_busy"))) {
                    assertEquals("0", v, top + ": " + name + " high in idle cycle " + f[2] + " after reset");
                }
            }
        }
    }

    private static String testbench(String top, List<Port> ports, List<Port> control, int seed) {
        StringBuilder tb = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  integer seed = " + seed + ";\n  integer i;\n");
        for (Port p : ports) {
            String range = p.width() > 1 ? "[" + (p.width() - 1) + ":0] " : "";
            tb.append(p.input() ? "  reg " : "  wire ").append(range).append(p.name()).append(p.input() ? " = 0;\n" : ";\n");
        }
        tb.append("  ").append(top).append(" dut(");
        for (int i = 0; i < ports.size(); i++) {
            tb.append(i > 0 ? ", " : "").append('.').append(ports.get(i).name()).append('(').append(ports.get(i).name()).append(')');
        }
        tb.append(");\n");
        StringBuilder idle = new StringBuilder();
        StringBuilder random = new StringBuilder();
        for (Port p : ports) {
            if (!p.input() || p.name().equals("clk") || p.name().equals("reset")) {
                continue;
            }
            // idle: no valid, every ready high (sinks accept), payloads 0
            idle.append("    ").append(p.name()).append(" = ").append(p.name().endsWith("_ready") ? "1" : "0").append(";\n");
            StringBuilder r = new StringBuilder("{");
            for (int k = 0; k < (p.width() + 31) / 32; k++) {
                r.append(k > 0 ? ", " : "").append("$random(seed)");
            }
            random.append("    ").append(p.name()).append(" = ").append(r).append("};\n");
        }
        StringBuilder show = new StringBuilder();
        for (Port p : control) {
            show.append(", ").append(p.name());
        }
        String fmt = " %b".repeat(control.size());
        tb.append("  task cycle(input [63:0] phase, input integer n);\n    begin\n      #1 $display(\"R %0s %0d")
                .append(fmt).append("\", phase, n").append(show).append(");\n      clk = 1; #1 clk = 0;\n    end\n  endtask\n");
        tb.append("  task idleInputs;\n    begin\n").append(idle).append("    end\n  endtask\n");
        tb.append("  task randomInputs;\n    begin\n").append(random).append("    end\n  endtask\n");
        tb.append("  initial begin\n    idleInputs; reset = 1;\n    for (i = 0; i < 3; i = i + 1) begin #1 clk = 1; #1 clk = 0; end\n")
                .append("    reset = 0;\n")
                .append("    for (i = 0; i < ").append(IDLE).append("; i = i + 1) cycle(\"idle\", i);\n")
                .append("    for (i = 0; i < ").append(TRAFFIC).append("; i = i + 1) begin randomInputs; cycle(\"traffic\", i); end\n")
                .append("    idleInputs; reset = 1;\n    for (i = 0; i < 3; i = i + 1) begin #1 clk = 1; #1 clk = 0; end\n")
                .append("    reset = 0;\n")
                .append("    for (i = 0; i < ").append(IDLE).append("; i = i + 1) cycle(\"idle\", i);\n")
                .append("    $display(\"DONE\"); $finish;\n  end\nendmodule\n");
        return tb.toString();
    }

    private static String run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "timeout: " + cmd.get(0));
        assertEquals(0, p.exitValue(), String.join(" ", cmd.subList(0, 2)) + " failed:\n" + out);
        return out;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
