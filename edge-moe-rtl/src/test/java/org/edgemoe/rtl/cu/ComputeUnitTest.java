package org.edgemoe.rtl.cu;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.edgemoe.rtl.testing.VerilatorReset;
import org.junit.jupiter.api.io.TempDir;
import org.edgemoe.rtl.testing.IcarusReset;

/** Bit-exact checks of a small (4 x 4) compute unit against HwOps.linear / scaleAccumulate, both profiles. */
class ComputeUnitTest {
    static final CuConfig PUB = CuConfig.of(4, 4, Formats.published()).withLimits(64, 64, 40);
    static final CuConfig DSP = CuConfig.of(4, 4, Formats.dsp18()).withLimits(64, 64, 40);
    static SimModel pub;
    static SimModel dsp;

    @BeforeAll
    static void compile() {
        pub = HdlSim.compile(() -> new ComputeUnit(PUB));
        dsp = HdlSim.compile(() -> new ComputeUnit(DSP));
    }

    static long run(SimModel model, CuConfig cfg, List<CuLayer> layers, long seed, double inStall, double outStall) {
        try (Sim sim = model.open()) {
            sim.reset();
            CuDriver d = new CuDriver(sim, cfg, seed, inStall, outStall);
            for (CuLayer l : layers) {
                d.add(l, l.expected(cfg.formats()));
            }
            long cycles = d.run(200_000);
            String mm = d.firstMismatch();
            assertNull(mm, mm);
            return cycles;
        }
    }

    static CuLayer rnd(Formats f, int in, int out, int t, boolean bias, boolean attn, boolean resid, boolean gelu,
                       boolean expert, long seed) {
        long actRange = f.act().width() > 20 ? 1L << 25 : 1L << 14;
        return CuLayer.random(f, in, out, t, bias, attn, resid, gelu, expert, seed, actRange, 1L << 15);
    }

    @Test
    void plainLayerPublished() {
        run(pub, PUB, List.of(rnd(PUB.formats(), 8, 8, 5, true, false, false, false, false, 1)), 1, 0, 0);
    }

    @Test
    void plainLayerDsp18() {
        run(dsp, DSP, List.of(rnd(DSP.formats(), 8, 8, 5, true, false, false, false, false, 2)), 2, 0, 0);
    }

    @Test
    void stallsOnEveryPortAllModesPublished() {
        Formats f = PUB.formats();
        List<CuLayer> ls = List.of(
                rnd(f, 12, 8, 7, true, true, false, false, false, 10),
                rnd(f, 4, 4, 1, false, false, false, true, false, 11),
                rnd(f, 8, 12, 9, true, false, false, true, false, 12),
                rnd(f, 16, 8, 6, true, false, true, false, true, 13),
                rnd(f, 8, 4, 2, false, false, true, false, false, 14));
        run(pub, PUB, ls, 3, 0.3, 0.3);
        run(pub, PUB, ls, 4, 0.5, 0.1);
    }

    @Test
    void stallsOnEveryPortAllModesDsp18() {
        Formats f = DSP.formats();
        List<CuLayer> ls = List.of(
                rnd(f, 8, 8, 5, true, true, false, false, false, 20),
                rnd(f, 12, 4, 3, true, false, false, true, false, 21),
                rnd(f, 8, 8, 4, true, false, true, false, false, 22),
                rnd(f, 16, 8, 7, true, false, true, false, true, 23));
        run(dsp, DSP, ls, 5, 0.3, 0.3);
    }

    @Test
    void fewTokensAndBackToBackLayersWithoutStalls() {
        // T = 1..5 (below the bubble-free minimum T >= cols) and layers overlapping in the pipeline
        Formats f = PUB.formats();
        List<CuLayer> ls = new java.util.ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            ls.add(rnd(f, 4 * (1 + t % 3), 4 * (1 + t % 2), t, t % 2 == 0, false, false, t == 3, false, 30 + t));
        }
        run(pub, PUB, ls, 6, 0, 0);
        run(pub, PUB, ls, 7, 0, 0.5);
    }

    @Test
    void extremeValuesSaturateAndWrap() {
        for (CuConfig cfg : new CuConfig[] {PUB, DSP}) {
            Formats f = cfg.formats();
            int in = 16, out = 8, t = 6;
            long[][] x = new long[t][in];
            long[] w = new long[in * out];
            long[] b = new long[out];
            long[][] dest = new long[t][out];
            long[] score = new long[t];
            for (int k = 0; k < in; k++) {
                x[0][k] = FixedRaw.maxRaw(f.act());
                x[1][k] = FixedRaw.minRaw(f.act());
                x[2][k] = k % 2 == 0 ? FixedRaw.maxRaw(f.act()) : FixedRaw.minRaw(f.act());
                x[3][k] = -1;
                x[4][k] = 1;
                x[5][k] = FixedRaw.minRaw(f.act()) + k;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = (i % 3 == 0) ? FixedRaw.minRaw(f.weightLinear()) : (i % 3 == 1 ? FixedRaw.maxRaw(f.weightLinear()) : -1);
            }
            for (int o = 0; o < out; o++) {
                b[o] = o % 2 == 0 ? FixedRaw.maxRaw(f.weightBias()) : FixedRaw.minRaw(f.weightBias());
            }
            for (int tt = 0; tt < t; tt++) {
                score[tt] = tt % 2 == 0 ? FixedRaw.maxRaw(f.prob()) : FixedRaw.minRaw(f.prob());
                for (int o = 0; o < out; o++) {
                    dest[tt][o] = (o + tt) % 2 == 0 ? FixedRaw.maxRaw(f.resid()) : FixedRaw.minRaw(f.resid());
                }
            }
            List<CuLayer> ls = List.of(
                    new CuLayer(in, out, t, false, false, false, false, x, w, b, null, null),
                    new CuLayer(in, out, t, false, true, false, false, x, w, b, null, null),
                    new CuLayer(in, out, t, false, false, true, false, x, w, b, null, null),
                    new CuLayer(in, out, t, true, true, false, true, x, w, b, dest, score));
            run(cfg == PUB ? pub : dsp, cfg, ls, 8, 0.2, 0.2);
        }
    }

    @Test
    void fullThroughputWhenNeverStalled() {
        // 8 tokens >= cols: no bubbles between tiles; cycles = issue beats + fill/drain only
        Formats f = PUB.formats();
        CuLayer l = rnd(f, 16, 16, 8, true, false, false, false, false, 40);
        long cycles = run(pub, PUB, List.of(l), 9, 0, 0);
        long beats = (long) (16 / 4) * (16 / 4) * 8;
        assertTrue(cycles <= beats + 4 * (PUB.rows() + PUB.cols()), "cycles " + cycles + " for " + beats + " beats");
    }

    static final int RESET_SEEDS = 6;

    @Test
    void comesOutOfResetIdleWhateverTheRegistersHeld() {
        // random power-on values (Verilator +verilator+rand+reset+2), then reset: idle, and the next work exact
        Formats f = PUB.formats();
        List<CuLayer> ls = List.of(rnd(f, 8, 8, 5, true, false, false, true, false, 50),
                rnd(f, 8, 4, 3, true, false, true, false, true, 51));
        for (int seed = 1; seed <= RESET_SEEDS; seed++) {
            try (Sim sim = pub.openRandomised(seed)) {
                sim.reset();
                sim.eval();
                assertEquals(0, sim.peek("io_busy"), "seed " + seed + ": busy after reset");
                assertEquals(0, sim.peek("io_y_valid"), "seed " + seed + ": y valid after reset");
                assertEquals(1, sim.peek("io_cmd_ready"), "seed " + seed + ": cmd ready after reset");
                CuDriver d = new CuDriver(sim, PUB, seed, 0.2, 0.2);
                for (CuLayer l : ls) {
                    d.add(l, l.expected(f));
                }
                d.run(20_000);
                String mm = d.firstMismatch();
                assertNull(mm, "seed " + seed + ": " + mm);
            }
        }
    }

    @Test
    void resetMidRunKeepsOnlyTheNewWork() {
        Formats f = PUB.formats();
        List<CuLayer> old = List.of(rnd(f, 16, 8, 9, true, false, false, true, false, 60),
                rnd(f, 16, 8, 6, true, false, true, false, true, 61));
        CuLayer fresh = rnd(f, 8, 8, 4, true, false, false, false, false, 62);
        for (long cut : new long[] {40, 90, 150}) {
            try (Sim sim = pub.open()) {
                sim.reset();
                CuDriver first = new CuDriver(sim, PUB, 70, 0.1, 0.3);
                for (CuLayer l : old) {
                    first.add(l, l.expected(f));
                }
                first.runFor(cut);
                assertEquals(1, sim.peek("io_busy"), "work in flight at cycle " + cut);
                sim.reset();
                sim.eval();
                assertEquals(0, sim.peek("io_busy"), "busy after the reset at cycle " + cut);
                CuDriver second = new CuDriver(sim, PUB, 71, 0.1, 0.3);
                second.add(fresh, fresh.expected(f));
                second.run(20_000);
                // a stale beat of the old work would show up as an extra or wrong beat
                String mm = second.firstMismatch();
                assertNull(mm, "reset at cycle " + cut + ": " + mm);
            }
        }
    }

    @Test
    void icarusControlOutputsKnownAfterReset(@TempDir java.nio.file.Path dir) throws Exception {
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new ComputeUnit(PUB), dir, 5);
    }

    @Test
    void comesOutOfResetIdleFromRandomStateAndAfterAResetMidTraffic() {
        VerilatorReset.assertIdleAfterResetFromRandomState(pub, 4);
        VerilatorReset.assertIdleAfterResetFromRandomState(dsp, 2);
    }
}
