package org.edgemoe.runtime.sim;

import java.nio.file.Path;
import java.util.Locale;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.runtime.Accelerator;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.runtime.Task;
import org.edgemoe.sim.axi.DdrConfig;

/**
 * {@code make bench}'s end-to-end figures: the whole M3ViT backbone on the real image, task 0, in the full-system
 * simulation ({@link SimulateMain}'s run), both tasks one after the other without a reset: {@code BENCH
 * e2e.cycles.task<t>}, {@code e2e.ms_at_300mhz.task<t>}, the performance model's lower bound of the same program
 * {@code e2e.lower_bound_ms.task<t>} (the largest of every unit's work at 100 % utilisation and the DDR's bytes at the
 * weight ports' rate, whatever overlaps; {@code e2e.serial_bound_ms.task<t>}: per step the larger of the two, summed),
 * the bound's ratio to the achieved {@code e2e.efficiency.task<t>} and the simulator's speed. Then how the cost grows (program changes only, same simulation, task 0, each run bit-exact to HwModel's of the same program):
 * {@code e2e.cycles.layers<L>.task0} for {@link #GROWTH_LAYERS} layers over all tokens and
 * {@code e2e.cycles.tokens<T>.task0} for the whole backbone over the first {@link #GROWTH_TOKENS} tokens, each with the
 * cycle model's prediction ({@code e2e.model_cycles.*}) and the lower bound ({@code e2e.lower_bound_cycles.*});
 * {@code -De2e.growth=false} leaves them out. Without the weights folder it says so and prints nothing.
 */
public final class E2eBench {
    /** Layer counts of the growth figures (the whole backbone's 12 are the task figures above them). */
    static final int[] GROWTH_LAYERS = {1, 2, 6};
    /** Token counts of the growth figures (the image's 129 are the task figures). */
    static final int[] GROWTH_TOKENS = {33, 65};

    private E2eBench() { }

    public static void main(String[] args) {
        Path folder = WeightFolder.locate().orElse(null);
        if (folder == null) {
            System.err.println("e2e bench skipped: " + WeightFolder.absentMessage());
            return;
        }
        SimulateMain.Setup s = SimulateMain.Setup.load(folder, ModelShape.LAYERS, System.err);
        try (SystemSim sys = SystemSim.open(s.cfg, DdrConfig.zcu102())) {
            Accelerator acc = Accelerator.open(new SimulationBackend(sys, SimulateMain.CLOCK_HZ, SimulationBackend.DEFAULT_BASE,
                    SimulationBackend.DEFAULT_SIZE, "the full-system simulation"));
            acc.loadWeights(s.image, ImageConfig.defaults());
            acc.loadProgram(s.program);
            acc.loadInput(s.pixels);
            long simCycles = 0;
            double wall = 0;
            for (Task task : Task.values()) {
                SimulateMain.TaskRun r = SimulateMain.runTask(sys, acc, s, task, true, System.err);
                if (!r.bitExact()) {
                    System.err.println("e2e bench: the " + task + " features differ from HwModel's in " + r.mismatches() + " values");
                    System.exit(3);
                }
                int t = task.ordinal();
                System.out.printf(Locale.ROOT, "BENCH e2e.cycles.task%d %d cycles%n", t, r.cycles());
                System.out.printf(Locale.ROOT, "BENCH e2e.ms_at_300mhz.task%d %.3f ms%n", t, r.ms());
                System.out.printf(Locale.ROOT, "BENCH e2e.lower_bound_ms.task%d %.3f ms%n", t, r.lowerBoundMs());
                System.out.printf(Locale.ROOT, "BENCH e2e.efficiency.task%d %.3f fraction%n", t, r.lowerBoundMs() / r.ms());
                System.out.printf(Locale.ROOT, "BENCH e2e.serial_bound_ms.task%d %.3f ms%n", t, r.serialBoundMs());
                simCycles += r.simCycles();
                wall += r.wallSeconds();
            }
            if (Boolean.parseBoolean(System.getProperty("e2e.growth", "true"))) {
                for (int layers : GROWTH_LAYERS) {
                    growth(sys, acc, s.withProgram(layers, ModelShape.TOKENS), "layers" + layers);
                }
                for (int tokens : GROWTH_TOKENS) {
                    growth(sys, acc, s.withProgram(ModelShape.LAYERS, tokens), "tokens" + tokens);
                }
            }
            System.out.printf(Locale.ROOT, "BENCH e2e.sim.cycles_per_s %.0f cycles/s%n", simCycles / wall);
        }
    }

    /** One growth point: the program loaded into the running accelerator, task 0, checked, measured, printed. */
    private static void growth(SystemSim sys, Accelerator acc, SimulateMain.Setup s, String name) {
        acc.loadProgram(s.program);
        SimulateMain.TaskRun r = SimulateMain.runTask(sys, acc, s, Task.SEMSEG, false, System.err);
        if (!r.bitExact()) {
            System.err.println("e2e bench: " + name + ": the features differ from HwModel's in " + r.mismatches() + " values");
            System.exit(3);
        }
        System.out.printf(Locale.ROOT, "BENCH e2e.cycles.%s.task0 %d cycles%n", name, r.cycles());
        System.out.printf(Locale.ROOT, "BENCH e2e.model_cycles.%s.task0 %d cycles%n", name, r.modelCycles());
        System.out.printf(Locale.ROOT, "BENCH e2e.lower_bound_cycles.%s.task0 %.0f cycles%n", name,
                r.lowerBoundMs() * SimulateMain.CLOCK_HZ / 1e3);
    }
}
