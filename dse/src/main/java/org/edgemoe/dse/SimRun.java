package org.edgemoe.dse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.Routing;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.isa.ProgramBuilder;
import org.edgemoe.rtl.perf.CycleModel;
import org.edgemoe.rtl.perf.ImageOps;
import org.edgemoe.rtl.perf.Op;
import org.edgemoe.runtime.Accelerator;
import org.edgemoe.runtime.CommandProfile;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.M3VitImage;
import org.edgemoe.runtime.PerfCounters;
import org.edgemoe.runtime.RunResult;
import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.runtime.Task;
import org.edgemoe.runtime.WeightImage;
import org.edgemoe.runtime.sim.SystemSim;

/**
 * One design point's program in the full-system simulation ({@link SystemSim}: the accelerator's Verilator model with
 * the DDR model of the point on its four masters) beside the cycle model's estimate of the same program: EMBED, the
 * first {@code layers} layers, STORE, on the real image and weights in the point's profile, routed as the hardware
 * routes (the golden HwModel's routing, which the hardware matches bit for bit). The cycles compared are the
 * accelerator's own PERF_CYCLES (START to the end of the run).
 */
public final class SimRun {
    /** The outcome: simulated and modelled cycles, the counters, the simulator's speed. */
    public record Outcome(DesignPoint point, int layers, int task, long simCycles, long modelCycles, PerfCounters perf, double simSeconds,
                          List<Command> commands) {
        /** (model - sim) / sim. */
        public double error() {
            return (modelCycles - simCycles) / (double) simCycles;
        }

        public double cyclesPerSecond() {
            return perf.cycles() / simSeconds;
        }
    }

    /** One command: its name in the model's list, its cycles in the hardware's command trace and in the model. */
    public record Command(String name, long simCycles, long modelCycles) {
        public double error() {
            return simCycles == 0 ? 0 : (modelCycles - simCycles) / (double) simCycles;
        }
    }

    private SimRun() { }

    /**
     * The hardware's per-command cycles (its command trace: dispatch to the next stamp) beside the model's rows, in
     * program order; the trace and the model's commands must match kind for kind. A PREFETCH is taken while the
     * command before it runs and has no work of its own on the units: its trace cycles (until the next command
     * began) are that command's, and the model has no row for it.
     */
    static List<Command> pair(CommandProfile trace, byte[] program, int rows, List<CycleModel.Row> model) {
        if (!trace.complete() || trace.overflow()) {
            throw new IllegalStateException("the command trace is incomplete (" + trace.stamps().size() + " entries, overflow " + trace.overflow() + ")");
        }
        List<CommandProfile.Row> hw = trace.rows(program, rows, rows);
        List<Command> out = new ArrayList<>();
        int k = 0;
        for (CommandProfile.Row h : hw) {
            if (h.opcode() == Opcode.PREFETCH && !out.isEmpty()) {
                Command prev = out.remove(out.size() - 1);
                out.add(new Command(prev.name(), prev.simCycles() + h.cycles(), prev.modelCycles()));
                continue;
            }
            if (k >= model.size()) {
                throw new IllegalStateException("the trace has more commands than the model's " + model.size());
            }
            Op m = model.get(k).op();
            if (!h.opcode().name().equals(m.kind().name())) {
                throw new IllegalStateException("command " + k + " is " + h.opcode() + " in the trace and " + m.kind() + " (" + m.name() + ") in the model");
            }
            out.add(new Command(m.name(), h.cycles(), model.get(k).cycles()));
            k++;
        }
        if (k != model.size()) {
            throw new IllegalStateException("the trace has " + k + " commands besides PREFETCH, the model " + model.size());
        }
        return out;
    }

    /** The program: EMBED, layers 0 .. layers-1 with their PREFETCHes, STORE of the residual stream, END. */
    static byte[] program(WeightImage image, int layers) {
        return ProgramBuilder.m3vit(image.index(), layers).encode();
    }

    /** The model's commands for the same program (the routing of the first {@code layers} layers). */
    public static List<Op> ops(int layers, Routing[] routing) {
        return ImageOps.m3vit(layers, ModelShape.TOKENS, routing);
    }

    /** Runs the point; throws when the weights are absent (the message says where to put them). */
    public static Outcome run(DesignPoint point, int layers, int task) {
        Path folder = WeightFolder.locate().orElseThrow(() -> new IllegalStateException(WeightFolder.absentMessage()));
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), point.formats());
        ImageConfig ic = new ImageConfig(point.formats(), point.rows(), point.rows());
        WeightImage image = M3VitImage.pack(q, ic);
        long[] px = q.pixels();
        byte[] pixels = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            pixels[i] = (byte) px[i];
        }
        // the routing only matters when the program reaches a MoE layer (layer 1 on)
        Routing[] routing = layers > 1 ? new HwModel(q).run(task).routing() : null;
        List<CycleModel.Row> modelRows = new CycleModel(point.shape(), point.ddr()).rows(ops(layers, routing));
        long model = modelRows.stream().mapToLong(CycleModel.Row::cycles).sum();
        try (SystemSim sys = SystemSim.open(point.acceleratorConfig(), point.ddrConfig())) {
            Accelerator acc = Accelerator.open(new SimulationBackend(sys, point.clockMHz() * 1e6, SimulationBackend.DEFAULT_BASE,
                    SimulationBackend.DEFAULT_SIZE, "full-system simulation"));
            acc.loadWeights(image, ic);
            byte[] prog = program(image, layers);
            acc.loadProgram(prog);
            acc.loadInput(pixels);
            long w0 = System.nanoTime();
            RunResult r = acc.run(Task.values()[task], 1_000_000_000L, null);
            double secs = (System.nanoTime() - w0) / 1e9;
            sys.ddr().assertNoViolations();
            List<Command> cmds = pair(acc.trace(), prog, point.rows(), modelRows);
            return new Outcome(point, layers, task, r.perf().cycles(), model, r.perf(), secs, cmds);
        }
    }

    /** args: layers (default 2), then optional rows, attention lanes, DDR GB/s, read latency. Prints SIM lines. */
    public static void main(String[] args) {
        int layers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        DesignPoint d = DesignPoint.defaults();
        DesignPoint p = new DesignPoint(args.length > 1 ? Integer.parseInt(args[1]) : d.rows(), args.length > 2 ? Integer.parseInt(args[2]) : d.attnLanes(),
                d.attnBeat(), d.profile(), 1, d.portBytes(), args.length > 3 ? Double.parseDouble(args[3]) : d.ddrGBps(),
                args.length > 4 ? Integer.parseInt(args[4]) : d.readLatency(), d.clockMHz());
        Outcome o = run(p, layers, 0);
        System.out.printf("DSE %s sim.cycles.layers%d %d%n", p.id(), layers, o.simCycles());
        System.out.printf("DSE %s model.cycles.layers%d %d%n", p.id(), layers, o.modelCycles());
        System.out.printf("DSE %s model.error.layers%d %.4f%n", p.id(), layers, o.error());
        System.out.printf("DSE %s sim.cycles_per_s %.0f%n", p.id(), o.cyclesPerSecond());
        System.out.println("perf " + o.perf().asMap());
    }
}
