package org.edgemoe.rtl.layernorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.rtl.testing.IcarusReset;
import org.edgemoe.rtl.testing.VerilatorReset;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LayerNorm against HwOps.layerNorm, bit-exact: random and extreme tokens (variance 0, the format's
 * maximum and minimum, full-range, alternating extremes, spikes, near-equal), several gamma/beta sets,
 * commands back to back, random stalls on every stream, both profiles at the default shape (D = 192,
 * 16 lanes), a small odd shape (D = 20, 4 lanes: divisor 4 x 5), full throughput, lint.
 */
class LayerNormTest {
    static final LnConfig PUB = LnConfig.of(Formats.published()).withShape(192, 16, 3);
    static final LnConfig DSP = LnConfig.of(Formats.dsp18()).withShape(192, 16, 3);
    static final LnConfig ODD = LnConfig.of(Formats.dsp18()).withShape(20, 4, 2);
    static SimModel pub;
    static SimModel dsp;
    static SimModel odd;

    @BeforeAll
    static void compile() {
        pub = HdlSim.compile(() -> new LayerNorm(PUB));
        dsp = HdlSim.compile(() -> new LayerNorm(DSP));
        odd = HdlSim.compile(() -> new LayerNorm(ODD));
    }

    static void randomRun(SimModel model, LnConfig cfg, long seed, double stall) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Formats f = cfg.formats();
        int d = cfg.dim();
        try (Sim sim = model.open()) {
            sim.reset();
            LnHarness h = new LnHarness(sim, cfg, seed, stall);
            for (int s = 0; s < cfg.sets(); s++) {
                h.loadSet(s, LnHarness.randomParams(f.weightNorm(), d, rnd, s == 0),
                        LnHarness.randomParams(f.weightBias(), d, rnd, s == 0));
            }
            h.waitParams();
            int[] counts = {12, 1, 5, 30, 2};
            for (int j = 0; j < counts.length; j++) {
                int set = j % cfg.sets();
                h.submit(new LnHarness.Job(set, LnHarness.tokens(f.resid(), d, counts[j], rnd)), "job " + j + " (set " + set + ")");
            }
            h.finish(200_000);
        }
    }

    @Test
    void publishedRandomAndExtremeTokensUnderStalls() {
        randomRun(pub, PUB, 1, 0.3);
    }

    @Test
    void dsp18RandomAndExtremeTokensUnderStalls() {
        randomRun(dsp, DSP, 2, 0.3);
    }

    @Test
    void dsp18NoStalls() {
        randomRun(dsp, DSP, 3, 0);
    }

    @Test
    void oddShapeUnderStalls() {
        randomRun(odd, ODD, 4, 0.4);
        randomRun(odd, ODD, 5, 0);
    }

    @Test
    void tokensBackToBackAtFullRate() {
        int n = 40;
        LnBench.Result r = LnBench.measure(dsp, DSP, n);
        assertEquals(DSP.beats(), r.cyclesPerToken(), 1e-9, "cycles per token, steady state");
        assertTrue(r.oneNorm() <= (long) n * DSP.beats() + 40, "whole command: " + r.oneNorm() + " cycles");
        assertEquals(ODD.beats(), LnBench.measure(odd, ODD, n).cyclesPerToken(), 1e-9, "cycles per token, " + ODD.dim() + " / " + ODD.lanes());
    }

    @Test
    void commandForZeroTokensIsSkipped() {
        SplittableRandom rnd = new SplittableRandom(11);
        Formats f = DSP.formats();
        try (Sim sim = dsp.open()) {
            sim.reset();
            LnHarness h = new LnHarness(sim, DSP, 11, 0.2);
            h.loadSet(1, LnHarness.randomParams(f.weightNorm(), 192, rnd, false), LnHarness.randomParams(f.weightBias(), 192, rnd, false));
            h.waitParams();
            h.submit(new LnHarness.Job(1, new long[0][]), "empty");
            h.submit(new LnHarness.Job(1, LnHarness.tokens(f.resid(), 192, 3, rnd)), "after empty");
            h.finish(20_000);
            assertTrue(h.y.receivedCount() == 36);
        }
    }

    /**
     * Registers and memories power on random (Verilator rand-reset 2): after reset the unit is idle and
     * computes exactly; a reset in the middle of a run drops the old work: only the new command's outputs come.
     */
    @Test
    void comesOutOfResetIdleAndResetMidRunKeepsOnlyNewWork() {
        Formats f = DSP.formats();
        for (int seed : new int[] {5, 77}) {
            SplittableRandom rnd = new SplittableRandom(seed);
            try (Sim sim = dsp.openRandomised(seed)) {
                sim.reset();
                assertEquals(0, sim.peek("io_y_valid"), "no output after reset");
                assertEquals(0, sim.peek("io_busy"), "idle after reset");
                LnHarness old = new LnHarness(sim, DSP, seed, 0.2);
                old.loadSet(0, LnHarness.randomParams(f.weightNorm(), 192, rnd, false), LnHarness.randomParams(f.weightBias(), 192, rnd, false));
                old.waitParams();
                old.submit(new LnHarness.Job(0, LnHarness.tokens(f.resid(), 192, 20, rnd)), "old");
                sim.step(40 + 60 * seed % 97); // part of the old command: tokens in the ring, in statistics, in the lanes
                old.detach();
                sim.reset();
                assertEquals(0, sim.peek("io_y_valid"), "no output after the mid-run reset");
                assertEquals(0, sim.peek("io_busy"), "idle after the mid-run reset");
                sim.step(5);
                assertEquals(0, sim.peek("io_y_valid"), "nothing left over from the old command");
                LnHarness h = new LnHarness(sim, DSP, seed + 1, 0.2);
                h.loadSet(1, LnHarness.randomParams(f.weightNorm(), 192, rnd, true), LnHarness.randomParams(f.weightBias(), 192, rnd, true));
                h.waitParams();
                h.submit(new LnHarness.Job(1, LnHarness.tokens(f.resid(), 192, 15, rnd)), "new (seed " + seed + ")");
                h.finish(50_000);
            }
        }
    }

    @Test
    void idleAfterResetFromRandomStateAndMidTraffic() {
        VerilatorReset.assertIdleAfterResetFromRandomState(odd, 4);
        VerilatorReset.assertIdleAfterResetFromRandomState(dsp, 2);
    }

    @Test
    void icarusControlOutputsKnownAfterReset(@TempDir Path dir) throws Exception {
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new LayerNorm(ODD), dir, 3);
    }

    @Test
    void defaultIsLintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(LayerNorm::new, dir.resolve("default"));
        RtlTestSupport.assertLintClean(() -> new LayerNorm(ODD), dir.resolve("odd"));
    }
}
