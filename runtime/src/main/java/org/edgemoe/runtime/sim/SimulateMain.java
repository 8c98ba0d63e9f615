package org.edgemoe.runtime.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgemoe.model.ErrorStats;
import org.edgemoe.model.FloatModel;
import org.edgemoe.model.FloatTrace;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.isa.ProgramBuilder;
import org.edgemoe.rtl.perf.AccelShape;
import org.edgemoe.rtl.perf.CycleModel;
import org.edgemoe.rtl.perf.ImageOps;
import org.edgemoe.rtl.perf.DdrParams;
import org.edgemoe.rtl.perf.LowerBound;
import org.edgemoe.rtl.perf.Workload;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.runtime.Accelerator;
import org.edgemoe.runtime.CommandProfile;
import org.edgemoe.runtime.Features;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.M3VitImage;
import org.edgemoe.runtime.PerfCounters;
import org.edgemoe.runtime.RunResult;
import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.runtime.Task;
import org.edgemoe.runtime.WeightImage;
import org.edgemoe.runtime.cli.ProgressBar;
import org.edgemoe.sim.axi.DdrConfig;

/**
 * {@code make simulate}: the real image on the whole accelerator in full-system simulation ({@link SystemSim}: the
 * Verilator model, the ZCU102 DDR model, the Java driver), for each task; prints {@code SIM} lines (cycles, ms at
 * 300 MHz, the per-command table from the hardware's command trace, the MSE of the features against the float
 * model, whether they are bit-exact to {@code HwModel}, the simulator's cycles per second) and writes them all
 * to {@code run.json}. Progress on standard error (a bar on a terminal, clean lines otherwise).
 *
 * <p>System properties: {@code sim.report} (run.json, default {@code build/reports/run.json}), {@code sim.tasks}
 * (default {@code 0,1}), {@code sim.layers} (default 12: the whole backbone), {@code m3vit.weights} (the
 * weights folder, see {@link WeightFolder}). Exit codes: 0, 2 no weights folder, 3 a run failed or its features
 * differ from HwModel's.
 */
public final class SimulateMain {
    /** The accelerator's clock in the simulation (the DDR model's, and the published design's). */
    public static final double CLOCK_HZ = DdrConfig.PL_CLOCK_HZ;

    private SimulateMain() { }

    /** What {@code make simulate} runs. */
    public record Options(List<Task> tasks, int layers, Path report, boolean progress) {
        public Options {
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("sim.tasks: no task given (0, 1 or 0,1)");
            }
            if (layers < 1 || layers > ModelShape.LAYERS) {
                throw new IllegalArgumentException("sim.layers must be 1.." + ModelShape.LAYERS + ", not " + layers);
            }
        }

        /** A task by index (0, 1) or name (semseg, depth). */
        static Task task(String s) {
            for (Task t : Task.values()) {
                if (Integer.toString(t.index).equals(s)) {
                    return t;
                }
            }
            return Task.byName(s);
        }

        static Options fromProperties() {
            List<Task> tasks = new ArrayList<>();
            for (String t : System.getProperty("sim.tasks", "0,1").split(",")) {
                if (!t.isBlank()) {
                    tasks.add(task(t.trim()));
                }
            }
            return new Options(tasks, Integer.getInteger("sim.layers", ModelShape.LAYERS),
                    Path.of(System.getProperty("sim.report", "build/reports/run.json")), true);
        }
    }

    /** One task's run: the hardware's counters and trace, the features and how they compare. */
    public record TaskRun(Task task, PerfCounters perf, List<CommandProfile.Row> commands, long firstDispatch, long endStamp,
                          double mseVsFloat, double mseHwModelVsFloat, long mismatches, double lowerBoundMs, double serialBoundMs, long modelCycles,
                          long simCycles, double wallSeconds) {
        public long cycles() {
            return perf.cycles();
        }

        public double ms() {
            return cycles() / (CLOCK_HZ / 1e3);
        }

        public boolean bitExact() {
            return mismatches == 0;
        }
    }

    public static void main(String[] args) {
        System.exit(run(Options.fromProperties(), System.out, System.err));
    }

    /** Runs {@code o}; SIM lines on {@code out}, progress and messages on {@code err}; the exit code. */
    public static int run(Options o, PrintStream out, PrintStream err) {
        Path folder = WeightFolder.locate().orElse(null);
        if (folder == null) {
            err.println("simulate: " + WeightFolder.absentMessage()
                    + " (the folder of float32 .npy tensors: clone it next to the repository as ../shared/m3vit-weights)");
            return 2;
        }
        Setup s = Setup.load(folder, o.layers(), err);
        List<TaskRun> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        err.println("simulate: building the accelerator's Verilator model (cached in ~/.cache/edgemoe-sim after the first time) ...");
        try (SystemSim sys = SystemSim.open(s.cfg, DdrConfig.zcu102())) {
            double build = (System.nanoTime() - t0) / 1e9;
            err.printf(Locale.ROOT, "simulate: model ready in %.1f s%n", build);
            Accelerator acc = Accelerator.open(new SimulationBackend(sys, CLOCK_HZ, SimulationBackend.DEFAULT_BASE,
                    SimulationBackend.DEFAULT_SIZE, "the full-system simulation"));
            acc.loadWeights(s.image, ImageConfig.defaults());
            acc.loadProgram(s.program);
            acc.loadInput(s.pixels);
            for (Task task : o.tasks()) {
                err.printf("simulate: task %d (%s), %d layer%s, %d commands and END%n", task.index, task, o.layers(),
                        o.layers() == 1 ? "" : "s", s.program.length / 32 - 1);
                runs.add(runTask(sys, acc, s, task, o.progress(), err));
            }
            print(out, runs);
            writeJson(o.report(), s, runs, build, sys.ddr().config());
            err.println("simulate: wrote " + o.report().toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            err.println("simulate: " + e.getMessage());
            return 3;
        }
        for (TaskRun r : runs) {
            if (!r.bitExact()) {
                err.printf("simulate: task %d: %d of %d values differ from HwModel's%n", r.task().index, r.mismatches(),
                        ModelShape.TOKENS * ModelShape.DIM);
                return 3;
            }
        }
        return 0;
    }

    /** The weights packed, the program, the input, and the reference models' outputs for the chosen layers. */
    static final class Setup {
        final AcceleratorConfig cfg = AcceleratorConfig.defaults();
        final int layers;
        final int tokens;
        final WeightImage image;
        final byte[] program;
        final byte[] pixels;
        final HwModel hw;
        final FloatModel ref;

        private Setup(int layers, int tokens, WeightImage image, byte[] program, byte[] pixels, HwModel hw, FloatModel ref) {
            this.layers = layers;
            this.tokens = tokens;
            this.image = image;
            this.program = program;
            this.pixels = pixels;
            this.hw = hw;
            this.ref = ref;
        }

        static Setup load(Path folder, int layers, PrintStream err) {
            err.println("simulate: weights from " + folder + ", packing the weight image ...");
            M3VitWeights w = M3VitWeights.load(folder);
            QuantizedWeights q = new QuantizedWeights(w, ImageConfig.defaults().formats());
            WeightImage image = M3VitImage.pack(q, ImageConfig.defaults());
            long[] px = q.pixels();
            byte[] pixels = new byte[px.length];
            for (int i = 0; i < px.length; i++) {
                pixels[i] = (byte) px[i];
            }
            byte[] program = ProgramBuilder.m3vit(image.index(), layers).encode();
            return new Setup(layers, ModelShape.TOKENS, image, program, pixels, new HwModel(q), new FloatModel(w));
        }

        /** The same weights, input and models with the program of {@code layers} layers over {@code tokens} tokens. */
        Setup withProgram(int layers, int tokens) {
            byte[] p = ProgramBuilder.m3vit(image.index(), layers, tokens).encode();
            return new Setup(layers, tokens, image, p, pixels, hw, ref);
        }
    }

    static TaskRun runTask(SystemSim sys, Accelerator acc, Setup s, Task task, boolean progress, PrintStream err) {
        PrintWriter pw = new PrintWriter(err, true, StandardCharsets.UTF_8);
        ProgressBar bar = progress ? new ProgressBar(pw, System.console() != null, true) : null;
        long c0 = sys.cycle();
        long w0 = System.nanoTime();
        RunResult r;
        try {
            r = acc.run(task, Accelerator.DEFAULT_TIMEOUT_NANOS, bar);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        double wall = (System.nanoTime() - w0) / 1e9;
        long simCycles = sys.cycle() - c0;
        sys.ddr().assertNoViolations();
        CommandProfile trace = acc.trace();
        if (!trace.complete() || trace.overflow()) {
            throw new IllegalStateException("the command trace of task " + task.index + " is incomplete (" + trace.stamps().size()
                    + " entries, overflow " + trace.overflow() + ")");
        }
        List<CommandProfile.Stamp> st = trace.stamps();
        List<CommandProfile.Row> rows = trace.rows(s.program, s.cfg.datapath().cu().rows(), s.cfg.datapath().cu().cols());

        // the features against HwModel (bit for bit) and the float model (MSE)
        HwTrace hw = s.hw.run(task.index, s.tokens);
        FloatTrace fl = s.ref.run(task.index, s.tokens);
        Features f = r.features();
        long[][] got = f.rawRows();
        long[][] want = hw.layerOutputs()[s.layers - 1];
        long mismatches = 0;
        double[][] x = new double[got.length][];
        for (int t = 0; t < got.length; t++) {
            x[t] = new double[got[t].length];
            for (int c = 0; c < got[t].length; c++) {
                mismatches += got[t][c] == want[t][c] ? 0 : 1;
                x[t][c] = f.value(t, c);
            }
        }
        double[][] floatOut = fl.layerOutputs()[s.layers - 1];
        double mse = ErrorStats.between(x, floatOut).mse();
        double hwMse = ErrorStats.between(hw.layerOutput(s.layers - 1), floatOut).mse();
        double bound = lowerBoundMs(s.cfg, s.layers, s.tokens, hw);
        return new TaskRun(task, r.perf(), rows, st.get(0).cycles(), st.get(st.size() - 1).cycles(), mse, hwMse, mismatches, bound,
                serialBoundMs(s.cfg, s.layers, s.tokens, hw),
                modelCycles(s.cfg, s.layers, s.tokens, hw), simCycles, wall);
    }

    /**
     * The performance model's lower bound ({@link LowerBound#ms}) of the program on this accelerator: the largest of
     * every unit's work at 100 % utilisation and the DDR's bytes at the weight ports' rate ({@link DdrParams#zcu102}
     * with the configuration's weight ports: 16 B/cycle each, at most the DDR's sustained 45.5), whatever overlaps;
     * routing from HwModel's run of the task.
     */
    public static double lowerBoundMs(AcceleratorConfig cfg, int layers, int tokens, HwTrace hw) {
        return LowerBound.ms(Workload.m3vit(layers, tokens, hw.routing()), AccelShape.of(cfg), DdrParams.zcu102(cfg.weightPorts()));
    }

    /** The serial bound ({@link LowerBound#serialMs}): per step the larger of compute and DDR, summed, nothing overlapped. */
    public static double serialBoundMs(AcceleratorConfig cfg, int layers, int tokens, HwTrace hw) {
        return LowerBound.serialMs(Workload.m3vit(layers, tokens, hw.routing()), AccelShape.of(cfg), DdrParams.zcu102(cfg.weightPorts()));
    }

    /** The cycle model's ({@link CycleModel}) prediction of the same program on this accelerator, routing from HwModel. */
    public static long modelCycles(AcceleratorConfig cfg, int layers, int tokens, HwTrace hw) {
        return new CycleModel(AccelShape.of(cfg), DdrParams.zcu102(cfg.weightPorts())).cycles(ImageOps.m3vit(layers, tokens, hw.routing()));
    }

    static String util(double u) {
        return Double.isNaN(u) ? "-" : String.format(Locale.ROOT, "%.3f", u);
    }

    static void print(PrintStream out, List<TaskRun> runs) {
        long cycles = 0;
        double wall = 0;
        for (TaskRun r : runs) {
            int t = r.task().index;
            out.printf(Locale.ROOT, "SIM sim.cycles.task%d %d%n", t, r.cycles());
            out.printf(Locale.ROOT, "SIM sim.ms_at_300mhz.task%d %.3f%n", t, r.ms());
            out.printf(Locale.ROOT, "SIM sim.lower_bound_ms.task%d %.3f%n", t, r.lowerBoundMs());
            out.printf(Locale.ROOT, "SIM sim.serial_bound_ms.task%d %.3f%n", t, r.serialBoundMs());
            out.printf(Locale.ROOT, "SIM sim.ddr_read_bytes.task%d %d%n", t, r.perf().ddrReadBytes());
            out.printf(Locale.ROOT, "SIM sim.ddr_write_bytes.task%d %d%n", t, r.perf().ddrWriteBytes());
            out.printf(Locale.ROOT, "SIM sim.cu_busy.task%d %.4f%n", t, r.perf().utilisation(r.perf().busyCu()));
            out.printf(Locale.ROOT, "SIM sim.cu_util.task%d %.4f%n", t, cuUtil(r));
            for (CommandProfile.Row c : r.commands()) {
                out.printf(Locale.ROOT, "SIM cmd.task%d %d %s layer=%d start=%d cycles=%d ddr_bytes=%d cu_util=%s%n", t, c.index(), c.opcode(),
                        c.layer(), c.start(), c.cycles(), c.ddrBytes(), util(c.cuUtil()));
            }
            // the same table summed by opcode, in the order the opcodes first appear
            java.util.Map<org.edgemoe.rtl.isa.Opcode, long[]> byOp = new java.util.LinkedHashMap<>();
            for (CommandProfile.Row c : r.commands()) {
                long[] a = byOp.computeIfAbsent(c.opcode(), k -> new long[3]);
                a[0]++;
                a[1] += c.cycles();
                a[2] += c.ddrBytes();
            }
            for (var e : byOp.entrySet()) {
                long[] a = e.getValue();
                out.printf(Locale.ROOT, "SIM opcode.task%d %s commands=%d cycles=%d share=%.4f ddr_bytes=%d%n", t, e.getKey(), a[0], a[1],
                        (double) a[1] / r.cycles(), a[2]);
            }
            out.printf(Locale.ROOT, "SIM sim.mse_vs_float.task%d %.6g%n", t, r.mseVsFloat());
            out.printf(Locale.ROOT, "SIM sim.bit_exact_vs_hwmodel.task%d %d%n", t, r.bitExact() ? 1 : 0);
            cycles += r.simCycles();
            wall += r.wallSeconds();
        }
        out.printf(Locale.ROOT, "SIM sim.cycles_per_s %.0f%n", cycles / wall);
    }

    /** Useful MACs of the whole run over its cycles at the compute unit's peak. */
    static double cuUtil(TaskRun r) {
        long macs = r.commands().stream().mapToLong(CommandProfile.Row::macs).sum();
        AcceleratorConfig cfg = AcceleratorConfig.defaults();
        return (double) macs / ((double) r.cycles() * cfg.datapath().cu().rows() * cfg.datapath().cu().cols());
    }

    static void writeJson(Path file, Setup s, List<TaskRun> runs, double buildSeconds, DdrConfig ddr) {
        Json j = new Json();
        j.open();
        j.field("design", "EdgeMoeAccelerator");
        j.field("configuration", ImageConfig.defaults().toString());
        j.field("ddr_model", ddr.describe());
        j.field("clock_mhz", CLOCK_HZ / 1e6);
        j.field("layers", s.layers);
        j.field("commands_in_program", s.program.length / 32);
        j.field("weight_ports", s.cfg.weightPorts());
        long cycles = 0;
        double wall = 0;
        for (TaskRun r : runs) {
            cycles += r.simCycles();
            wall += r.wallSeconds();
        }
        j.key("simulator").open();
        j.field("cycles_per_s", cycles / wall);
        j.field("simulated_cycles", cycles);
        j.field("wall_s", wall);
        j.field("model_build_s", buildSeconds);
        j.close();
        j.key("tasks").openArray();
        for (TaskRun r : runs) {
            j.open();
            j.field("task", r.task().index);
            j.field("name", r.task().toString());
            j.field("cycles", r.cycles());
            j.field("ms_at_300mhz", r.ms());
            j.field("lower_bound_ms", r.lowerBoundMs());
            j.field("serial_bound_ms", r.serialBoundMs());
            j.field("cu_util", cuUtil(r));
            j.field("mse_vs_float", r.mseVsFloat());
            j.field("hwmodel_mse_vs_float", r.mseHwModelVsFloat());
            j.field("bit_exact_vs_hwmodel", r.bitExact());
            j.field("values_differing_from_hwmodel", r.mismatches());
            j.field("first_dispatch_cycle", r.firstDispatch());
            j.field("end_cycle", r.endStamp());
            j.key("perf").open();
            r.perf().asMap().forEach((k, v) -> j.field(k.toLowerCase(Locale.ROOT), v));
            j.close();
            j.key("commands").openArray();
            for (CommandProfile.Row c : r.commands()) {
                j.open();
                j.field("index", c.index());
                j.field("opcode", c.opcode().name());
                j.field("layer", c.layer());
                j.field("start", c.start());
                j.field("cycles", c.cycles());
                j.field("ddr_read_bytes", c.ddrReadBytes());
                j.field("ddr_write_bytes", c.ddrWriteBytes());
                j.field("macs", c.macs());
                j.field("cu_util", c.cuUtil());
                j.close();
            }
            j.closeArray();
            j.close();
        }
        j.closeArray();
        j.close();
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "run", ".json.tmp");
            Files.writeString(tmp, j.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A small JSON writer: objects, arrays, strings, numbers (NaN as null), booleans; two-space indentation. */
    static final class Json {
        private final StringBuilder sb = new StringBuilder();
        private final java.util.ArrayDeque<boolean[]> first = new java.util.ArrayDeque<>();
        private boolean afterKey;

        private void sep() {
            if (afterKey) {
                afterKey = false;
                return;
            }
            if (!first.isEmpty()) {
                boolean[] f = first.peek();
                sb.append(f[0] ? "\n" : ",\n");
                f[0] = false;
                sb.append("  ".repeat(first.size()));
            }
        }

        Json open() {
            sep();
            sb.append('{');
            first.push(new boolean[] {true});
            return this;
        }

        Json openArray() {
            sep();
            sb.append('[');
            first.push(new boolean[] {true});
            return this;
        }

        private void end(char c) {
            boolean empty = first.pop()[0];
            if (!empty) {
                sb.append('\n').append("  ".repeat(first.size()));
            }
            sb.append(c);
        }

        Json close() {
            end('}');
            return this;
        }

        Json closeArray() {
            end(']');
            return this;
        }

        Json key(String k) {
            sep();
            sb.append(quote(k)).append(": ");
            afterKey = true;
            return this;
        }

        void field(String k, String v) {
            key(k);
            sep();
            sb.append(quote(v));
        }

        void field(String k, long v) {
            key(k);
            sep();
            sb.append(v);
        }

        void field(String k, double v) {
            key(k);
            sep();
            sb.append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null");
        }

        void field(String k, boolean v) {
            key(k);
            sep();
            sb.append(v);
        }

        static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format("\\u%04x", (int) c));
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }

        @Override
        public String toString() {
            return sb + "\n";
        }
    }
}
