package org.edgemoe.rtl.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.edgemoe.hdl.emit.ManifestReader.Top;
import org.edgemoe.rtl.GenerateVerilog;

/**
 * {@code make synth-report}: writes the default configuration into the rtl folder, then runs
 * {@code yosys synth_xilinx -family xcup -flatten -noiopad} on every top of its manifest, and writes
 * {@code <rtl>/../reports/utilization.md} (a table per top) plus {@code SYNTH <module> <resource> <count>}
 * lines on stdout. Yosys logs go to {@code <reports>/yosys/<top>.log}.
 *
 * <p>Tops named in {@code synth.hierarchical} (none by default) keep their hierarchy: {@code synth_xilinx} without
 * {@code -flatten} maps each distinct module once, and the figures are the design hierarchy's totals (each module
 * times its instances); the depth is the longest path inside one module (the submodule instances deleted like the
 * sequential cells; paths across module boundaries are not followed). Faster and smaller for a large top (the
 * whole accelerator: 8 min and 1.7 GB instead of 25 min and 5.4 GB on this 2-core machine), but with no
 * optimisation across module boundaries it counts more LUTs (docs/flow.md).
 *
 * <p>System properties: {@code synth.jobs} (Yosys processes at a time, default 1: the machine is shared),
 * {@code synth.only} (comma-separated tops), {@code synth.hierarchical} (comma-separated tops, or empty),
 * {@code synth.reports} (report folder), {@code synth.generate=false} (use the folder as it is).
 */
public final class SynthReport {
    /** Yosys cells that end a combinational path for the depth figure (sequential or I/O). */
    static final String PATH_BREAKERS = "t:FD* t:LD* t:BUFG* t:IBUF t:OBUF t:IOBUF t:OBUFT t:RAMB* t:DSP48E2 t:SRL* t:RAM32* t:RAM64* t:RAM128* t:RAM256*";

    /** Tops synthesised with their hierarchy kept unless {@code synth.hierarchical} says otherwise: none. */
    public static final String HIERARCHICAL_DEFAULT = "";

    public record Result(String top, YosysStat stat, double seconds, String error, boolean hierarchical) {
        public Result(String top, YosysStat stat, double seconds, String error) {
            this(top, stat, seconds, error, false);
        }
    }

    private SynthReport() { }

    public static void main(String[] args) throws Exception {
        Path rtl = Path.of(args.length > 0 ? args[0] : "build/rtl").toAbsolutePath();
        if (!Boolean.parseBoolean(System.getProperty("synth.generate", "true"))) {
            System.err.println("synth-report: using " + rtl + " as it is");
        } else {
            GenerateVerilog.defaultConfiguration().write(rtl);
            System.err.println("synth-report: default configuration written to " + rtl);
        }
        Path reports = Path.of(System.getProperty("synth.reports", rtl.resolveSibling("reports").toString()));
        int jobs = Integer.getInteger("synth.jobs", 1);
        String only = System.getProperty("synth.only", "");
        ManifestFile m = ManifestFile.read(rtl);
        List<String> tops = new ArrayList<>();
        for (Top t : m.tops()) {
            if (only.isBlank() || Arrays.asList(only.split(",")).contains(t.name())) {
                tops.add(t.name());
            }
        }
        List<String> hierarchical = Arrays.stream(System.getProperty("synth.hierarchical", HIERARCHICAL_DEFAULT).split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).toList();
        List<Result> results = run(m, tops, hierarchical, reports.resolve("yosys"), jobs);
        Files.createDirectories(reports);
        Path md = reports.resolve("utilization.md");
        Files.writeString(md, markdown(results, yosysVersion()), StandardCharsets.UTF_8);
        boolean failed = false;
        for (Result r : results) {
            if (r.error() != null) {
                failed = true;
                System.out.println("SYNTH " + r.top() + " FAILED " + r.error());
            } else {
                System.out.print(r.stat().synthLines(r.top()));
            }
        }
        System.err.println("synth-report: " + md);
        if (failed) {
            System.exit(1);
        }
    }

    /** Synthesises {@code tops} flattened, {@code jobs} at a time, in manifest order; progress on stderr. */
    public static List<Result> run(ManifestFile m, List<String> tops, Path logDir, int jobs) throws Exception {
        return run(m, tops, List.of(), logDir, jobs);
    }

    /** As {@link #run(ManifestFile, List, Path, int)}, the tops in {@code hierarchical} with their hierarchy kept. */
    public static List<Result> run(ManifestFile m, List<String> tops, List<String> hierarchical, Path logDir, int jobs) throws Exception {
        Files.createDirectories(logDir);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            Map<String, Future<Result>> futures = new LinkedHashMap<>();
            for (String top : tops) {
                boolean flat = !hierarchical.contains(top);
                futures.put(top, pool.submit(() -> synthesise(m, top, logDir, flat)));
            }
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : futures.values()) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The Yosys script for one top: every emitted file, flattened synthesis, statistics, longest path. */
    public static String script(ManifestFile m, String top) {
        return script(m, top, true);
    }

    /**
     * The Yosys script for one top: every emitted file, synthesis (flattened, or with the hierarchy kept: each
     * distinct module mapped once), statistics, longest path (hierarchy kept: in each module, its submodule
     * instances cut like the sequential cells).
     */
    public static String script(ManifestFile m, String top, boolean flatten) {
        StringBuilder sb = new StringBuilder();
        for (String f : m.verilogFiles()) {
            sb.append("read_verilog ").append(quote(m.dir().resolve(f).toString())).append('\n');
        }
        sb.append("synth_xilinx -family xcup").append(flatten ? " -flatten" : "").append(" -noiopad -top ").append(top).append('\n');
        sb.append("stat\n");
        // depth figure: cut paths at registers, block RAM, DSP and LUT-RAM, then the longest chain of cells
        sb.append("delete ").append(PATH_BREAKERS);
        if (!flatten) {
            for (String mod : moduleNames(m)) {
                sb.append(" t:").append(mod);
            }
        }
        sb.append('\n');
        sb.append("ltp -noff\n");
        return sb.toString();
    }

    static Result synthesise(ManifestFile m, String top, Path logDir, boolean flatten) {
        long t0 = System.nanoTime();
        System.err.println("synth-report: yosys " + top + (flatten ? "" : " (hierarchical)") + " ...");
        Path ys = logDir.resolve(top + ".ys");
        Path log = logDir.resolve(top + ".log");
        try {
            Files.writeString(ys, script(m, top, flatten));
            Files.deleteIfExists(log);
            Process p = new ProcessBuilder("yosys", "-q", "-l", log.toString(), "-s", ys.toString())
                    .redirectErrorStream(true).redirectOutput(logDir.resolve(top + ".out").toFile()).start();
            if (!p.waitFor(2, TimeUnit.HOURS)) {
                p.destroyForcibly();
                return new Result(top, null, seconds(t0), "timeout", !flatten);
            }
            if (p.exitValue() != 0) {
                return new Result(top, null, seconds(t0), "yosys exit " + p.exitValue() + ", see " + log, !flatten);
            }
            YosysStat s = YosysStat.parse(Files.readString(log));
            double sec = seconds(t0);
            System.err.printf("synth-report: %s done in %.1f s (%d LUT, %d FF, %d DSP48E2)%n", top, sec, s.lut(), s.ff(), s.dsp());
            return new Result(top, s, sec, null, !flatten);
        } catch (IOException | RuntimeException e) {
            return new Result(top, null, seconds(t0), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(top, null, seconds(t0), "interrupted");
        }
    }

    public static String markdown(List<Result> results, String yosysVersion) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Open synthesis report (Yosys `synth_xilinx -family xcup`)\n\n");
        sb.append("Generated by `make synth-report` (org.edgemoe.rtl.synth.SynthReport) with ").append(yosysVersion)
                .append(", each top flattened, no I/O buffers (`-noiopad`, as out of context).\n\n");
        sb.append("| module | LUT | FF | LUTRAM | CARRY | DSP48E2 | RAMB18 | RAMB36 | depth (ltp, cells) | yosys s |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            if (r.error() != null) {
                sb.append("| ").append(r.top()).append(" | failed: ").append(r.error().replace('|', '/')).append(" |||||||||\n");
                continue;
            }
            YosysStat s = r.stat();
            sb.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.0f |%n", r.top() + (r.hierarchical() ? " (hierarchical)" : ""),
                    s.lut(), s.ff(), s.lutram(), s.carry(),
                    s.dsp(), s.ramb18(), s.ramb36(), s.depth(), r.seconds()));
        }
        sb.append("""

                Notes:
                - Yosys 0.23 packs only the multiplier into a DSP48E2 on this family (no pre-adder, accumulator or
                  pipeline-register absorption), so LUT and FF counts are pessimistic compared with Vivado; DSP48E2
                  and block-RAM (RAMB18/RAMB36) counts are usable.
                - depth: `ltp -noff` after deleting registers, block RAM, DSP and LUT-RAM cells, i.e. the longest chain
                  of LUT/CARRY/MUXF cells between sequential elements or ports. A rough logic-depth figure, not a
                  timing estimate: Yosys 0.23's `sta` needs timing-annotated cells, which the xilinx cell library
                  does not provide to it. CARRY chains count one per CARRY cell.
                - Timing at 300 MHz is checked by Vivado's out-of-context runs (build/vivado, docs/flow.md).
                - (hierarchical): synthesised with its hierarchy kept (`synth_xilinx` without `-flatten`, each distinct
                  module mapped once; no optimisation across module boundaries), the figures the design hierarchy's
                  totals; its depth is the longest path inside one module (paths across module boundaries are
                  not followed). No optimisation crosses module boundaries, so it counts more LUTs than a
                  flattened run (the whole accelerator: 45 % more, docs/flow.md).
                """);
        return sb.toString();
    }

    static String yosysVersion() {
        try {
            Process p = new ProcessBuilder("yosys", "-V").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            int paren = v.indexOf(" (");
            return paren > 0 ? v.substring(0, paren) : v;
        } catch (IOException | InterruptedException e) {
            return "yosys (version unknown)";
        }
    }

    /** The modules the emitted files define ({@code module <name>} at the start of a line), in file order. */
    static List<String> moduleNames(ManifestFile m) {
        List<String> names = new ArrayList<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*module\\s+([A-Za-z_][\\w$]*)", java.util.regex.Pattern.MULTILINE);
        for (String f : m.verilogFiles()) {
            try {
                java.util.regex.Matcher mm = p.matcher(Files.readString(m.dir().resolve(f)));
                while (mm.find()) {
                    names.add(mm.group(1));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + m.dir().resolve(f) + ": " + e.getMessage(), e);
            }
        }
        return names;
    }

    private static String quote(String path) {
        return path.contains(" ") ? "\"" + path + "\"" : path;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

}
