package org.edgemoe.rtl.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.GateRouting;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.testing.VerilatorLint;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default configuration (dsp18, 16 experts x 192, 2 tasks, top-2, queues of 256) on the real
 * M3ViT gates of layers 1 and 3 and the real LayerNorm-2 outputs of the golden HwModel on the test
 * image, both tasks; plus the Verilator -Wall lint of the default configuration.
 */
class MoeRouterRealDataTest {
    static final RouterBench DEF = new RouterBench(Formats.dsp18(), 16, 192, 2, 2, 256);
    static final int[] LAYERS = {1, 3};
    static QuantizedWeights weights;
    /** [task][layer] LayerNorm-2 outputs and HwModel's routing, null when the weights are absent. */
    static GateRouting.LayerGateInputs[][] inputs;
    /** The accelerator's router: four gate-input elements a beat. */
    static final RouterBench WIDE = new RouterBench(Formats.dsp18(), 16, 192, 2, 2, 256, 4);
    static SimModel model;
    static SimModel wideModel;

    @BeforeAll
    static void setUp() {
        Optional<Path> folder = WeightFolder.locate();
        if (folder.isPresent()) {
            weights = new QuantizedWeights(M3VitWeights.load(folder.get()), DEF.f);
            inputs = new GateRouting.LayerGateInputs[2][];
            for (int task = 0; task < 2; task++) {
                inputs[task] = GateRouting.gateInputs(weights, task, 3);
            }
            model = HdlSim.compile(DEF::design);
            wideModel = HdlSim.compile(WIDE::design);
        }
    }

    @Test
    void defaultConfigurationLintsClean(@TempDir Path dir) throws IOException, InterruptedException {
        VerilatorLint.assertClean(MoeRouter::new, dir);
    }

    @Test
    void realGatesAndActivationsLayers1And3BothTasks() {
        assumeTrue(weights != null, WeightFolder.absentMessage());
        try (Sim sim = model.open()) {
            RouterBench.Run run = DEF.new Run(sim, 77, 0.3, 0.3);
            for (int layer : LAYERS) {
                long[][] gates = weights.layer(layer).gates();
                for (int t = 0; t < gates.length; t++) {
                    run.loadGate(t, gates[t]);
                }
                for (int task = 0; task < 2; task++) {
                    GateRouting.LayerGateInputs in = inputs[task][layer];
                    int n = in.gateInputs().length;
                    // the pure helper reproduces HwModel's own routing of this layer
                    for (int t = 0; t < n; t++) {
                        GateRouting.Decision d = GateRouting.routeToken(in.gateInputs()[t], gates[task], 2, DEF.f);
                        assertArrayEquals(in.routing().experts()[t], d.experts(), "layer " + layer + " token " + t);
                        for (int r = 0; r < 2; r++) {
                            assertEquals(in.routing().weights()[t][r],
                                    FixedRaw.toDouble(d.scores()[r], DEF.f.prob().fracBits()), 0.0);
                        }
                    }
                    int[] tasks = new int[n];
                    Arrays.fill(tasks, task);
                    run.layer(in.gateInputs(), tasks, gates);
                }
            }
        }
    }

    /**
     * Routes {@code layer} of {@code task} (its gates loaded first), checked against the golden model, and returns the
     * cycles from the first input to the last route beat.
     */
    static long routeLayer(RouterBench.Run run, int layer, int task) {
        long[][] gates = weights.layer(layer).gates();
        run.loadGate(0, gates[0]);
        run.loadGate(1, gates[1]);
        long[][] h = inputs[task][layer].gateInputs();
        int[] tasks = new int[h.length];
        Arrays.fill(tasks, task);
        return run.layer(h, tasks, gates);
    }

    static void printPerToken(String name, long cycles, int tokens) {
        System.out.println("PERF router." + name + ".cycles_per_token " + (double) cycles / tokens
                + " (" + cycles + " cycles, " + tokens + " tokens)");
    }

    @Test
    void realDataThroughputIsDimCyclesPerToken() {
        assumeTrue(weights != null, WeightFolder.absentMessage());
        try (Sim sim = model.open()) {
            long cycles = routeLayer(DEF.new Run(sim, 1, 0, 0), 1, 1);
            int n = inputs[1][1].gateInputs().length;
            printPerToken("default", cycles, n);
            RouterBench.assertThroughput(cycles, n, DEF.dim, 100);
        }
    }

    /**
     * Four elements a beat: 48 beats a token, overlapped with the previous token's softmax and top-k, whose
     * per-token steps (load, E scan steps, the divider's P + 1, k scores) then set the pace; bit-exact as before.
     */
    @Test
    void fourLanesRouteBitExactAtAboutAQuarterOfTheCycles() {
        assumeTrue(weights != null, WeightFolder.absentMessage());
        try (Sim sim = wideModel.open()) {
            RouterBench.Run run = WIDE.new Run(sim, 5, 0, 0);
            long cycles = routeLayer(run, 1, 1);
            int n = inputs[1][1].gateInputs().length;
            printPerToken("lanes4", cycles, n);
            RouterBench.assertThroughput(cycles, n, 56, 100);
            routeLayer(run, 3, 0);
        }
    }
}
