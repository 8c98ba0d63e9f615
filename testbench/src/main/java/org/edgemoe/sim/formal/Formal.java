package org.edgemoe.sim.formal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Design;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimBuildException;
import org.edgemoe.sim.VerilogSources;

/**
 * Formal proof of a design's {@code assertAlways} checks with Yosys alone (no SymbiYosys, no external solver):
 * the emitted Verilog is read with {@code read_verilog -formal} (its {@code `ifdef FORMAL} section), flattened,
 * memories mapped to registers, and handed to Yosys's SAT-based {@code sat} command:
 * <pre>
 * FormalResult r = Formal.of(() -> new FifoHarness(4)).prove(12);   // k-induction, k up to 12
 * r.assertProven();
 * Formal.of(() -> new CuHarness()).bounded(20).assertNoCounterexample();   // bounded model check, 20 cycles
 * </pre>
 * The first cycle holds reset high; checks are not enforced during reset, and after it reset is a free input
 * (reset pulses mid-run are covered; {@link #singleReset()} rules them out). Registers start from any value
 * ({@link #zeroPowerOn()}: from 0). {@code assume(...)} checks constrain the inputs. A counterexample comes back as a VCD waveform ({@link FormalResult#counterexample()}) and the failed
 * checks are named with their message and source line. Work files go to {@code target/formal/<top>-<hash>-<mode><n>}
 * ({@code -Dedgemoe.formal.dir} changes the base).
 */
public final class Formal {
    /** What the run tries to show. */
    public enum Mode {
        /** k-induction: base case and induction step, k = 1, 2, ... up to the limit. */
        INDUCTION,
        /** Bounded model check: no counterexample of up to N cycles after reset. */
        BOUNDED
    }

    private final Design<?> design;
    private Path baseDirectory = Path.of(System.getProperty("edgemoe.formal.dir", "target/formal"));
    private long timeoutSeconds = 1800;
    private boolean zeroPowerOn;
    private boolean singleReset;

    private Formal(Design<?> design) {
        this.design = design;
    }

    /** Elaborates {@code top} (the design, or a harness module wrapping it with checks and assumptions). */
    public static Formal of(Supplier<? extends Module> top) {
        return new Formal(Elaboration.elaborate(top));
    }

    public Formal workDirectory(Path base) {
        this.baseDirectory = base;
        return this;
    }

    /**
     * Registers power on at 0 (an FPGA's default INIT value) before the reset cycle, instead of any value. The
     * default, any value, is the stronger claim: the design comes out of reset right whatever it held before.
     */
    public Formal zeroPowerOn() {
        this.zeroPowerOn = true;
        return this;
    }

    /**
     * Reset is high in the first cycle only; by default it is a free input after that, so the proof also covers
     * reset pulses in the middle of a run (the block must come out of every reset idle).
     */
    public Formal singleReset() {
        this.singleReset = true;
        return this;
    }

    /** Gives up (as an error, not a result) when Yosys runs longer than this. */
    public Formal timeout(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** k-induction with k from 1 up to {@code maxSteps}: PROVEN, FAILED (a counterexample), or BOUNDED at {@code maxSteps}. */
    public FormalResult prove(int maxSteps) {
        return run(Mode.INDUCTION, maxSteps);
    }

    /** The base case only: FAILED with the shortest counterexample, or BOUNDED after {@code steps} cycles. */
    public FormalResult bounded(int steps) {
        return run(Mode.BOUNDED, steps);
    }

    /** The Yosys script a run uses (for reading, or running by hand). */
    public String script(Mode mode, int steps, List<String> files, String vcd) {
        ModuleIR top = design.topIR();
        StringBuilder sb = new StringBuilder();
        sb.append("read_verilog -formal ").append(String.join(" ", files)).append('\n');
        sb.append("prep -flatten -top ").append(top.definitionName()).append('\n');
        sb.append("memory_map\nopt -fast\nasync2sync\ndffunmap\n");
        sb.append("sat -tempinduct");
        if (mode == Mode.BOUNDED) sb.append(" -tempinduct-baseonly");
        sb.append(" -prove-asserts -set-assumes");
        if (top.hasReset()) {
            boolean high = top.clockConfig().resetActiveHigh();
            String rst = top.resetOrNull().name();
            if (singleReset) {
                sb.append(" -set ").append(rst).append(high ? " 0" : " 1").append(" -unset-at 1 ").append(rst);
            }
            sb.append(" -set-at 1 ").append(rst).append(high ? " 1" : " 0");
        }
        if (zeroPowerOn) sb.append(" -set-init-zero");
        sb.append(" -seq 1 -maxsteps ").append(steps);
        sb.append(" -show-public -show-regs -dump_vcd ").append(vcd).append('\n');
        return sb.toString();
    }

    private FormalResult run(Mode mode, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        String yosys = findYosys();
        String top = design.topIR().definitionName();
        VerilogSources sources = HdlSim.emit(design);
        // the emitted folder's name carries a hash of the Verilog: two variants of one harness never share a folder
        String variant = sources.files().get(0).getParent().getFileName().toString();
        Path dir = baseDirectory.resolve(variant + "-" + (mode == Mode.INDUCTION ? "k" : "bmc") + steps
            + (zeroPowerOn ? "-zero" : "") + (singleReset ? "-single" : "")).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path vcd = dir.resolve("counterexample.vcd");
            Files.deleteIfExists(vcd);
            List<String> files = new ArrayList<>();
            for (Path f : sources.files()) files.add(f.toString());
            Path ys = dir.resolve("formal.ys");
            Files.writeString(ys, script(mode, steps, files, vcd.toString()));
            Path log = dir.resolve("yosys.log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(yosys, "-q", "-l", log.toString(), "-s", ys.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("yosys.out").toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("yosys did not finish the proof of " + top + " within " + timeoutSeconds + " s; see " + log);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && !text.contains("FAIL!")) {
                throw new IllegalStateException("yosys failed on " + top + " (exit " + p.exitValue() + "):\n"
                    + tail(text + Files.readString(dir.resolve("yosys.out")), 30) + "\nscript: " + ys);
            }
            if (text.contains("model found for base case: FAIL!") || text.contains("model found: FAIL!")) {
                // the base case of length k + 1 failed after every shorter one was proven; the trace adds the reset cycle
                int length = lastInt(text, Pattern.compile("Base case for induction length (\\d+) proven"), 0) + 2;
                List<FormalResult.FailedCheck> failed = Files.exists(vcd) ? failedChecks(vcd, checkWires(sources)) : List.of();
                return new FormalResult(top, mode, FormalResult.Status.FAILED, length, failed,
                    Files.exists(vcd) ? Optional.of(vcd) : Optional.empty(), log, seconds);
            }
            if (text.contains("Induction step proven: SUCCESS!")) {
                int k = lastInt(text, Pattern.compile("Trying induction with length (\\d+)"), 1);
                return new FormalResult(top, mode, FormalResult.Status.PROVEN, k, List.of(), Optional.empty(), log, seconds);
            }
            if (text.contains("Reached maximum number of time steps")) {
                return new FormalResult(top, mode, FormalResult.Status.BOUNDED, steps, List.of(), Optional.empty(), log, seconds);
            }
            throw new IllegalStateException("cannot read the outcome of the proof of " + top + " from " + log + ":\n" + tail(text, 20));
        } catch (IOException e) {
            throw new UncheckedIOException("formal run of " + top + " in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Check wires of every module: name to (where, message), from the {@code `ifdef FORMAL} declarations. */
    static Map<String, FormalResult.FailedCheck> checkWires(VerilogSources sources) throws IOException {
        Pattern decl = Pattern.compile("^\\s*wire (\\S+) = .*; // (\\S+:\\d+): (.*)$");
        Map<String, FormalResult.FailedCheck> out = new LinkedHashMap<>();
        for (Path f : sources.files()) {
            boolean formal = false;
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("`ifdef FORMAL")) formal = true;
                else if (line.startsWith("`else") || line.startsWith("`endif")) formal = false;
                Matcher m = decl.matcher(line);
                if (formal && m.matches()) out.put(m.group(1), new FormalResult.FailedCheck(m.group(2), m.group(3), m.group(1)));
            }
        }
        return out;
    }

    /** The check wires that are 0 at the last time step of the counterexample. */
    static List<FormalResult.FailedCheck> failedChecks(Path vcd, Map<String, FormalResult.FailedCheck> checks) throws IOException {
        Map<String, String> idToName = new LinkedHashMap<>();
        Map<String, String> value = new LinkedHashMap<>();
        Pattern var = Pattern.compile("\\$var \\S+ \\d+ (\\S+) (.+?) \\$end");
        for (String line : Files.readAllLines(vcd)) {
            Matcher m = var.matcher(line);
            if (m.find()) {
                idToName.put(m.group(1), m.group(2).trim());
            } else if (!line.isEmpty() && (line.charAt(0) == '0' || line.charAt(0) == '1')) {
                value.put(line.substring(1).trim(), line.substring(0, 1));
            } else if (line.startsWith("b")) {
                int sp = line.indexOf(' ');
                if (sp > 0) value.put(line.substring(sp + 1).trim(), line.substring(1, sp));
            }
        }
        List<FormalResult.FailedCheck> out = new ArrayList<>();
        idToName.forEach((id, name) -> {
            String local = name.startsWith("\\") ? name.substring(1) : name;
            local = local.substring(local.lastIndexOf('.') + 1);
            FormalResult.FailedCheck c = checks.get(local);
            if (c != null && "0".equals(value.get(id))) {
                String path = name.startsWith("\\") ? name.substring(1) : name;
                out.add(new FormalResult.FailedCheck(c.where(), c.message(), path));
            }
        });
        return out;
    }

    private static String findYosys() {
        String configured = System.getProperty("edgemoe.formal.yosys", System.getenv().getOrDefault("YOSYS", "yosys"));
        if (configured.contains(File.separator)) {
            if (Files.isExecutable(Path.of(configured))) return configured;
        } else {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, configured))) return configured;
            }
        }
        throw new SimBuildException("Yosys not found (looked for '" + configured + "'). Install it with:"
            + " sudo apt-get install -y yosys   (or set -Dedgemoe.formal.yosys=/path/to/yosys)");
    }

    private static int lastInt(String text, Pattern p, int fallback) {
        Matcher m = p.matcher(text);
        int v = fallback;
        while (m.find()) v = Integer.parseInt(m.group(1));
        return v;
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
