package org.edgemoe.hdl.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.testing.Tool;

/**
 * Runs fuzz designs through every check: elaboration and emission, the IR interpreter (the reference),
 * {@code verilator --lint-only -Wall}, Yosys {@code read_verilog} + {@code hierarchy -check}, Icarus
 * Verilog and a Verilator binary, all on the same random stimulus. Verilator builds one binary per batch.
 */
final class Harness {
    static final int CYCLES = 40;
    /** Cycles not compared: reset is held for the first three, and registers without reset need one more. */
    static final int SKIP = 4;

    /** A design to check: its name (Verilog module prefix), spec and stimulus seed. */
    record Case(String name, Spec spec, long stimSeed) { }

    /** One thing that went wrong with a case; {@code kind} is its class (e.g. {@code mismatch:icarus}). */
    record Failure(String kind, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    /** Which tools to run (the minimiser runs only the one that failed). */
    enum Check { LINT, YOSYS, ICARUS, VERILATOR }

    record Port(String name, int width) { }

    /** A case elaborated, emitted and interpreted, ready for the tools. */
    static final class Prepared {
        final Case c;
        final List<Failure> failures = new ArrayList<>();
        EmittedDesign design;
        final List<Port> ins = new ArrayList<>();
        final List<Port> outs = new ArrayList<>();
        boolean hasClock;
        boolean hasReset;
        /** Expected output values per compared cycle, from the interpreter. */
        final List<List<BigInteger>> expected = new ArrayList<>();
        final List<BigInteger[]> stimulus = new ArrayList<>();

        Prepared(Case c) {
            this.c = c;
        }

        boolean ok() {
            return design != null && failures.isEmpty();
        }
    }

    private final Path dir;

    Harness(Path dir) {
        this.dir = dir;
    }

    // ---- preparation: elaborate, emit, interpret ----

    static Prepared prepare(Case c) {
        Prepared p = new Prepared(c);
        ModuleIR top;
        try {
            top = Elaboration.elaborate(() -> new FuzzModule(c.spec(), c.name())).topIR();
        } catch (RuntimeException | StackOverflowError e) {
            p.failures.add(new Failure("elaborate", e.toString().lines().limit(6).reduce((a, b) -> a + " | " + b).orElse("")));
            return p;
        }
        try {
            p.design = new VerilogEmitter().add(top).render();
        } catch (RuntimeException | StackOverflowError e) {
            p.failures.add(new Failure("emit", e.toString()));
            return p;
        }
        for (Signal s : top.ports()) {
            if (s == top.clockOrNull()) {
                p.hasClock = true;
            } else if (s == top.resetOrNull()) {
                p.hasReset = true;
            } else if (s.kind() == SignalKind.INPUT) {
                p.ins.add(new Port(s.name(), s.width()));
            } else {
                p.outs.add(new Port(s.name(), s.width()));
            }
        }
        Random resetRnd = new Random(c.stimSeed() ^ 0x5DEECE66DL);
        Map<String, Random> inRnd = new LinkedHashMap<>();
        for (Port in : p.ins) {
            inRnd.put(in.name(), new Random(c.stimSeed() * 1_000_003L + in.name().hashCode()));
        }
        for (int cyc = 0; cyc < CYCLES; cyc++) {
            BigInteger[] row = new BigInteger[p.ins.size() + 1];
            row[0] = cyc < 3 || resetRnd.nextInt(20) == 0 ? BigInteger.ONE : BigInteger.ZERO;
            for (int i = 0; i < p.ins.size(); i++) {
                row[i + 1] = value(inRnd.get(p.ins.get(i).name()), p.ins.get(i).width());
            }
            p.stimulus.add(row);
        }
        try {
            IrSim sim = new IrSim(top);
            for (int cyc = 0; cyc < CYCLES; cyc++) {
                BigInteger[] row = p.stimulus.get(cyc);
                if (p.hasReset) {
                    sim.set(top.resetOrNull().name(), row[0]);
                }
                for (int i = 0; i < p.ins.size(); i++) {
                    sim.set(p.ins.get(i).name(), row[i + 1]);
                }
                sim.settle();
                if (cyc >= SKIP) {
                    List<BigInteger> outs = new ArrayList<>();
                    for (Port o : p.outs) {
                        outs.add(sim.get(o.name()));
                    }
                    p.expected.add(outs);
                }
                sim.clock();
            }
        } catch (RuntimeException | StackOverflowError e) {
            p.failures.add(new Failure("interpreter", e.toString()));
        }
        return p;
    }

    /** A random input value: corner values often, uniform bits otherwise. */
    private static BigInteger value(Random r, int width) {
        BigInteger ones = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        return switch (r.nextInt(8)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> ones;
            case 2 -> BigInteger.ONE.shiftLeft(width - 1);          // most negative
            case 3 -> ones.shiftRight(1);                             // most positive
            case 4 -> BigInteger.ONE;
            default -> new BigInteger(width, r);
        };
    }

    // ---- files ----

    private static String hexDigits(BigInteger v, int width) {
        String s = v.toString(16);
        int n = (width + 3) / 4;
        return "0".repeat(Math.max(0, n - s.length())) + s;
    }

    private void writeCase(Prepared p) {
        String n = p.c.name();
        for (Map.Entry<String, String> f : p.design.files().entrySet()) {
            write(f.getKey(), f.getValue());
        }
        int total = 1;
        for (Port in : p.ins) {
            total += in.width();
        }
        StringBuilder stim = new StringBuilder();
        for (BigInteger[] row : p.stimulus) {
            BigInteger v = row[0];
            for (int i = 0; i < p.ins.size(); i++) {
                v = v.shiftLeft(p.ins.get(i).width()).or(row[i + 1]);
            }
            stim.append(hexDigits(v, total)).append('\n');
        }
        write(n + ".stim", stim.toString());
        StringBuilder tb = new StringBuilder();
        tb.append("module tb_").append(n).append(";\n");
        tb.append("  reg clk = 1'b0;\n  reg reset;\n");
        for (Port in : p.ins) {
            tb.append("  reg ").append(range(in.width())).append(in.name()).append(";\n");
        }
        for (Port o : p.outs) {
            tb.append("  wire ").append(range(o.width())).append(o.name()).append(";\n");
        }
        List<String> conns = new ArrayList<>();
        if (p.hasClock) {
            conns.add(".clk(clk)");
        }
        if (p.hasReset) {
            conns.add(".reset(reset)");
        }
        for (Port in : p.ins) {
            conns.add("." + in.name() + "(" + in.name() + ")");
        }
        for (Port o : p.outs) {
            conns.add("." + o.name() + "(" + o.name() + ")");
        }
        tb.append("  ").append(n).append(" dut (").append(String.join(", ", conns)).append(");\n");
        tb.append("  reg [").append(total - 1).append(":0] stim [0:").append(CYCLES - 1).append("];\n");
        tb.append("  integer cyc;\n  initial begin\n");
        tb.append("    $readmemh(\"").append(n).append(".stim\", stim);\n");
        tb.append("    for (cyc = 0; cyc < ").append(CYCLES).append("; cyc = cyc + 1) begin\n");
        List<String> lhs = new ArrayList<>();
        lhs.add("reset");
        for (Port in : p.ins) {
            lhs.add(in.name());
        }
        tb.append("      {").append(String.join(", ", lhs)).append("} = stim[cyc];\n");
        tb.append("      #1;\n");
        StringBuilder fmt = new StringBuilder(n + " %0d");
        StringBuilder args = new StringBuilder(", cyc");
        for (Port o : p.outs) {
            fmt.append(" %h");
            args.append(", ").append(o.name());
        }
        tb.append("      $display(\"").append(fmt).append("\"").append(args).append(");\n");
        tb.append("      clk = 1'b1;\n      #1;\n      clk = 1'b0;\n    end\n  end\nendmodule\n");
        write("tb_" + n + ".v", tb.toString());
        write("run_" + n + ".v", "module run_" + n + ";\n  tb_" + n + " t ();\n  initial begin\n    #" + (2 * CYCLES + 5)
                + ";\n    $finish;\n  end\nendmodule\n");
    }

    private static String range(int w) {
        return w == 1 ? "" : "[" + (w - 1) + ":0] ";
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> designFiles(Prepared p) {
        List<String> f = new ArrayList<>(p.design.files().keySet());
        f.sort(null);
        return f;
    }

    // ---- tools ----

    private static final Pattern VERILATOR_MSG = Pattern.compile("%(Warning|Error)(-([A-Z0-9_]+))?:?(.*)");

    /** Runs the checks on a batch of prepared cases; failures are added to each case. */
    void run(List<Prepared> batch, java.util.Set<Check> checks) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Prepared> ready = new ArrayList<>();
        for (Prepared p : batch) {
            if (p.ok()) {
                writeCase(p);
                ready.add(p);
            }
        }
        if (checks.contains(Check.LINT)) {
            if (ready.size() == 1 || !lintBatch(ready)) {
                for (Prepared p : ready) {
                    lint(p);
                }
            }
        }
        if (checks.contains(Check.YOSYS)) {
            yosys(ready);
        }
        if (checks.contains(Check.ICARUS)) {
            if (ready.size() == 1 || !icarusBatch(ready)) {
                for (Prepared p : ready) {
                    icarus(p);
                }
            }
        }
        if (checks.contains(Check.VERILATOR)) {
            verilator(ready);
        }
    }

    /**
     * Lints every design of the batch in one Verilator run (several tops) and files each warning under the
     * design its file belongs to. False when Verilator stopped on an error: then each design is linted alone.
     */
    private boolean lintBatch(List<Prepared> ready) {
        Map<String, Prepared> byFile = new LinkedHashMap<>();
        for (Prepared p : ready) {
            for (String f : designFiles(p)) {
                byFile.put(f, p);
            }
        }
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "-Wno-fatal", "-Wno-MULTITOP"));
        cmd.addAll(byFile.keySet());
        Tool.Result r = Tool.run(dir, cmd, 600);
        if (r.exitCode() != 0) {
            return false;
        }
        Map<Prepared, java.util.Set<String>> codes = new LinkedHashMap<>();
        Map<Prepared, StringBuilder> text = new LinkedHashMap<>();
        Pattern where = Pattern.compile("%Warning-([A-Z0-9_]+): ([A-Za-z0-9_]+\\.v):");
        Prepared current = null;
        for (String line : r.output().lines().toList()) {
            Matcher m = where.matcher(line);
            if (m.lookingAt()) {
                current = byFile.get(m.group(2));
                if (current == null) {
                    return false;
                }
                codes.computeIfAbsent(current, k -> new java.util.LinkedHashSet<>()).add(m.group(1));
            } else if (line.startsWith("%")) {
                current = null;
                if (!line.startsWith("%Warning: Exiting") && !line.startsWith("%Error: Exiting")) {
                    return false; // a message we cannot attribute
                }
            }
            if (current != null) {
                StringBuilder sb = text.computeIfAbsent(current, k -> new StringBuilder());
                if (sb.length() < 600) {
                    sb.append(line).append('\n');
                }
            }
        }
        codes.forEach((p, cs) -> {
            for (String c : cs) {
                p.failures.add(new Failure("lint:" + c, text.get(p).toString().trim()));
            }
        });
        return true;
    }

    /** All designs of the batch in one Icarus simulation; false when it does not compile (then one by one). */
    private boolean icarusBatch(List<Prepared> ready) {
        String top = wrapper(ready);
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-s", top, "-o", top + ".vvp", top + ".v"));
        java.util.Set<String> files = new java.util.TreeSet<>();
        for (Prepared p : ready) {
            cmd.add("tb_" + p.c.name() + ".v");
            files.addAll(designFiles(p));
        }
        cmd.addAll(files);
        Tool.Result c = Tool.run(dir, cmd, 600);
        if (c.exitCode() != 0) {
            return false;
        }
        Tool.Result r = Tool.run(dir, List.of("vvp", "-n", top + ".vvp"), 600);
        for (Prepared p : ready) {
            compare(p, "icarus", r.output());
        }
        return true;
    }

    /** A top module instantiating the testbench of every design; returns its name. */
    private String wrapper(List<Prepared> ps) {
        String top = "tball_" + (builds++);
        StringBuilder w = new StringBuilder("module ").append(top).append(";\n");
        for (Prepared p : ps) {
            w.append("  tb_").append(p.c.name()).append(" t_").append(p.c.name()).append(" ();\n");
        }
        w.append("  initial begin\n    #").append(2 * CYCLES + 5).append(";\n    $finish;\n  end\nendmodule\n");
        write(top + ".v", w.toString());
        return top;
    }

    private void lint(Prepared p) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", p.c.name()));
        cmd.addAll(designFiles(p));
        Tool.Result r = Tool.run(dir, cmd, 120);
        if (r.exitCode() != 0 || !r.output().isBlank()) {
            java.util.Set<String> codes = new java.util.LinkedHashSet<>();
            for (String line : r.output().lines().toList()) {
                Matcher m = VERILATOR_MSG.matcher(line);
                if (m.lookingAt() && !line.startsWith("%Error: Exiting due to")) {
                    codes.add(m.group(3) != null ? m.group(3) : m.group(1).toUpperCase());
                }
            }
            if (codes.isEmpty()) {
                codes.add("OTHER");
            }
            for (String code : codes) {
                p.failures.add(new Failure("lint:" + code, firstLines(r.output(), 4)));
            }
        }
    }

    private void yosys(List<Prepared> ready) {
        if (ready.isEmpty()) {
            return;
        }
        if (ready.size() > 1 && yosysScript(ready) == null) {
            return; // the whole batch is clean
        }
        for (Prepared p : ready) {
            String err = yosysScript(List.of(p));
            if (err != null) {
                p.failures.add(new Failure("yosys", err));
            }
        }
    }

    /** Null when Yosys reads and checks every design without error or warning, else its complaint. */
    private String yosysScript(List<Prepared> ps) {
        StringBuilder script = new StringBuilder();
        for (Prepared p : ps) {
            script.append("design -reset\nread_verilog");
            for (String f : designFiles(p)) {
                script.append(' ').append(f);
            }
            script.append("\nhierarchy -check -top ").append(p.c.name()).append('\n');
        }
        String name = ps.size() == 1 ? "yosys_" + ps.get(0).c.name() + ".ys" : "yosys_batch.ys";
        write(name, script.toString());
        Tool.Result r = Tool.run(dir, List.of("yosys", "-q", "-s", name), 600);
        if (r.exitCode() != 0 || r.output().contains("Warning")) {
            return firstLines(r.output(), 6);
        }
        return null;
    }

    private void icarus(Prepared p) {
        String n = p.c.name();
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-s", "run_" + n, "-o", n + ".vvp", "run_" + n + ".v", "tb_" + n + ".v"));
        cmd.addAll(designFiles(p));
        Tool.Result c = Tool.run(dir, cmd, 120);
        if (c.exitCode() != 0) {
            p.failures.add(new Failure("icarus-compile", firstLines(c.output(), 6)));
            return;
        }
        Tool.Result r = Tool.run(dir, List.of("vvp", "-n", n + ".vvp"), 120);
        compare(p, "icarus", r.output());
    }

    private void verilator(List<Prepared> ready) {
        if (ready.isEmpty()) {
            return;
        }
        String out = verilatorRun(ready, "all");
        if (out != null) {
            for (Prepared p : ready) {
                compare(p, "verilator", out);
            }
            return;
        }
        if (ready.size() == 1) {
            ready.get(0).failures.add(new Failure("verilator-build", lastBuildError));
            return;
        }
        int half = ready.size() / 2;
        verilator(new ArrayList<>(ready.subList(0, half)));
        verilator(new ArrayList<>(ready.subList(half, ready.size())));
    }

    private String lastBuildError = "";
    private int builds;

    /** Builds and runs one Verilator binary for the cases; its output, or null when the build failed. */
    private String verilatorRun(List<Prepared> ps, String tag) {
        String top = wrapper(ps);
        List<String> files = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (Prepared p : ps) {
            files.add("tb_" + p.c.name() + ".v");
            seen.addAll(designFiles(p));
        }
        List<String> cmd = new ArrayList<>(List.of("verilator", "--binary", "-Wno-fatal", "-Wno-lint", "-Wno-style",
                "--top-module", top, "-Mdir", "obj_" + top, "-o", "sim", "--build-jobs", "2",
                "-MAKEFLAGS", "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0", top + ".v"));
        cmd.addAll(files);
        cmd.addAll(seen);
        Tool.Result b = Tool.run(dir, cmd, 1200);
        if (b.exitCode() != 0) {
            lastBuildError = firstLines(b.output().lines().filter(l -> l.startsWith("%Error")).reduce((a, c) -> a + "\n" + c)
                    .orElse(b.output()), 6);
            return null;
        }
        Tool.Result r = Tool.run(dir, List.of("obj_" + top + "/sim"), 600);
        deleteTree(dir.resolve("obj_" + top));
        return r.output();
    }

    private static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            // best effort
        }
    }

    /** Compares a simulator's printed lines for {@code p} with the interpreter's values. */
    private static void compare(Prepared p, String sim, String output) {
        String prefix = p.c.name() + " ";
        Map<Integer, String[]> lines = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            if (line.startsWith(prefix)) {
                String[] tok = line.substring(prefix.length()).trim().split("\\s+");
                try {
                    lines.put(Integer.parseInt(tok[0]), tok);
                } catch (NumberFormatException e) {
                    // not ours
                }
            }
        }
        for (int cyc = SKIP; cyc < CYCLES; cyc++) {
            String[] tok = lines.get(cyc);
            if (tok == null) {
                p.failures.add(new Failure("mismatch:" + sim, "no output for cycle " + cyc + ": " + firstLines(output, 4)));
                return;
            }
            List<BigInteger> exp = p.expected.get(cyc - SKIP);
            for (int i = 0; i < p.outs.size(); i++) {
                String got = i + 1 < tok.length ? tok[i + 1] : "<missing>";
                BigInteger g = null;
                try {
                    g = new BigInteger(got, 16);
                } catch (NumberFormatException e) {
                    // x or z digits
                }
                if (g == null || !g.equals(exp.get(i))) {
                    Port o = p.outs.get(i);
                    p.failures.add(new Failure("mismatch:" + sim, "cycle " + cyc + " " + o.name() + " (" + o.width()
                            + " bits): interpreter " + hexDigits(exp.get(i), o.width()) + ", " + sim + " " + got));
                    return;
                }
            }
        }
    }

    private static String firstLines(String s, int n) {
        return String.join("\n", s.lines().limit(n).toList());
    }
}
