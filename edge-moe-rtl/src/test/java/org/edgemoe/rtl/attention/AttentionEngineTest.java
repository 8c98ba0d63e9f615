package org.edgemoe.rtl.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.testing.VerilatorLint;
import org.edgemoe.rtl.testing.VerilatorReset;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attention engine against HwOps.attentionHead, bit-exact, in Verilator: seeded random heads, T = 1,
 * 2, 64, 129, extreme scores, random stalls on every port, back-to-back heads. Two small configurations
 * cover several beats per row (dsp18, P = 4, L = 16) and a lane count that is not a power of two
 * (published, P = 3, L = 32).
 */
class AttentionEngineTest {
    static final AttnConfig DSP = new AttnConfig(Formats.dsp18(), 4, 16, 64, 129, 3, 2);
    static final AttnConfig PUB = new AttnConfig(Formats.published(), 3, 32, 64, 129, 3, 1);
    static SimModel dsp;
    static SimModel pub;

    @BeforeAll
    static void compile() {
        dsp = HdlSim.compile(() -> new AttentionEngine(DSP));
        pub = pubModel();
    }

    static SimModel pubModel() {
        return HdlSim.compile(() -> new AttentionEngine(PUB));
    }

    static List<AttnHarness.Head> mix(AttnConfig cfg, long seed, int... tokens) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<AttnHarness.Head> heads = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            heads.add(AttnHarness.randomHead(rnd, cfg, i % cfg.heads(), tokens[i]));
        }
        return heads;
    }

    @Test
    void dsp18ShortHeadsNoStalls() {
        try (Sim sim = dsp.open()) {
            sim.reset();
            AttnHarness h = new AttnHarness(sim, DSP, 1, 0, 1);
            h.runAndCheck(mix(DSP, 1, 1, 2, 3, 5, 9));
        }
    }

    @Test
    void dsp18RandomHeadsWithStalls() {
        try (Sim sim = dsp.open()) {
            sim.reset();
            AttnHarness h = new AttnHarness(sim, DSP, 2, 0.3, 3);
            h.runAndCheck(mix(DSP, 2, 1, 2, 7, 64, 4, 1));
        }
    }

    @Test
    void publishedRandomHeadsWithStalls() {
        try (Sim sim = pub.open()) {
            sim.reset();
            AttnHarness h = new AttnHarness(sim, PUB, 3, 0.3, 2);
            h.runAndCheck(mix(PUB, 3, 2, 1, 64, 5, 3));
        }
    }

    @Test
    void extremeScoresBothProfiles() {
        for (AttnConfig cfg : new AttnConfig[] {DSP, PUB}) {
            try (Sim sim = (cfg == DSP ? dsp : pub).open()) {
                sim.reset();
                SplittableRandom rnd = new SplittableRandom(11);
                List<AttnHarness.Head> heads = new ArrayList<>();
                for (int kind = 0; kind < 3; kind++) {
                    heads.add(AttnHarness.extremeHead(rnd, cfg, kind, 13 + 7 * kind, kind));
                }
                new AttnHarness(sim, cfg, 12, 0.2, 1).runAndCheck(heads);
            }
        }
    }

    /** Random power-on register values (Verilator randReset 2), then reset: idle, and then exact work. */
    @Test
    void resetFromRandomPowerOnState() {
        VerilatorReset.assertIdleAfterResetFromRandomState(dsp, 4);
        VerilatorReset.assertIdleAfterResetFromRandomState(pub, 2);
        for (int seed = 1; seed <= 3; seed++) {
            try (Sim sim = dsp.openRandomised(seed)) {
                sim.reset();
                AttnHarness h = new AttnHarness(sim, DSP, 60 + seed, 0.2, 2);
                h.runAndCheck(mix(DSP, 60 + seed, 5, 1, 9));
            }
        }
    }

    @Test
    void defaultConfigurationLintsClean(@TempDir Path dir) throws Exception {
        VerilatorLint.assertClean(AttentionEngine::new, dir.resolve("default"));
        VerilatorLint.assertClean(() -> new AttentionEngine(PUB), dir.resolve("pub"));
    }
}
