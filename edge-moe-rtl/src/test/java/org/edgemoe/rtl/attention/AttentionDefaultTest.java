package org.edgemoe.rtl.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default configuration (dsp18, P = 8, L = 64, T &lt;= 129) on the real Q, K, V of the golden HwModel
 * on the test image: layers 0 and 11 back to back (six heads, T = 129, no gap between commands), and
 * layer 5 in the published profile on a small published configuration. Plus the run-time contract:
 * a bad command sets the error flag and reads nothing, a reset mid-run leaves only the new work's rows.
 */
class AttentionDefaultTest {
    static SimModel model;
    static SimModel pub;
    static Optional<Path> weights = WeightFolder.locate();

    @BeforeAll
    static void compile() {
        model = HdlSim.compile(AttentionEngine::new);
    }

    static List<AttnHarness.Head> layer(HwModel m, int layer) {
        List<AttnHarness.Head> heads = new ArrayList<>();
        HwModel.HeadInputs[] in = m.attentionInputs(0, layer);
        for (int h = 0; h < in.length; h++) {
            heads.add(new AttnHarness.Head(h, in[h].q(), in[h].k(), in[h].v()));
        }
        return heads;
    }

    @Test
    void realLayers0And11BackToBack() {
        assumeTrue(weights.isPresent(), WeightFolder.absentMessage());
        HwModel m = new HwModel(new QuantizedWeights(M3VitWeights.load(weights.get()), Formats.dsp18()));
        List<AttnHarness.Head> heads = new ArrayList<>(layer(m, 0));
        heads.addAll(layer(m, 11));
        try (Sim sim = model.open()) {
            sim.reset();
            AttnHarness.Result r = new AttnHarness(sim, AttnConfig.DEFAULT, 40, 0, 1).runAndCheck(heads);
            assertEquals(6 * 129, r.rows());
            // one K-or-V beat and at most one Q beat per cycle
            assertTrue(r.kReads() + r.vReads() <= r.cycles(), r.toString());
        }
    }

    @Test
    void realLayer5PublishedProfile() {
        assumeTrue(weights.isPresent(), WeightFolder.absentMessage());
        HwModel m = new HwModel(new QuantizedWeights(M3VitWeights.load(weights.get()), Formats.published()));
        List<AttnHarness.Head> heads = layer(m, 5).subList(0, 1);
        try (Sim sim = AttentionEngineTest.pubModel().open()) {
            sim.reset();
            new AttnHarness(sim, AttentionEngineTest.PUB, 41, 0.2, 2).runAndCheck(heads);
        }
    }

    @Test
    void randomT129And64WithStallsOnEveryPort() {
        SplittableRandom rnd = new SplittableRandom(42);
        List<AttnHarness.Head> heads = List.of(AttnHarness.randomHead(rnd, AttnConfig.DEFAULT, 2, 129),
                AttnHarness.randomHead(rnd, AttnConfig.DEFAULT, 1, 64), AttnHarness.randomHead(rnd, AttnConfig.DEFAULT, 0, 2));
        try (Sim sim = model.open()) {
            sim.reset();
            new AttnHarness(sim, AttnConfig.DEFAULT, 43, 0.3, 4).runAndCheck(heads);
        }
    }

    @Test
    void badCommandSetsErrorAndReadsNothing() {
        try (Sim sim = model.open()) {
            sim.reset();
            AttnHarness h = new AttnHarness(sim, AttnConfig.DEFAULT, 44, 0, 1);
            h.cmd.enqueue(0, 0);     // no tokens
            h.cmd.enqueue(3, 5);     // head 3 of 3
            h.cmd.enqueue(1, 130);   // more than T_max
            sim.step(50);
            assertEquals(1, sim.peek("io_error"));
            assertEquals(0, h.q.reads() + h.k.reads() + h.v.reads());
            assertEquals(0, h.out.receivedCount());
            // the engine still works after dropping them
            SplittableRandom rnd = new SplittableRandom(45);
            h.runAndCheck(List.of(AttnHarness.randomHead(rnd, AttnConfig.DEFAULT, 1, 9)));
        }
    }

    @Test
    void resetMidRunLeavesOnlyTheNewWork() {
        SplittableRandom rnd = new SplittableRandom(46);
        try (Sim sim = model.open()) {
            sim.reset();
            AttnHarness old = new AttnHarness(sim, AttnConfig.DEFAULT, 47, 0.2, 2);
            old.submit(List.of(AttnHarness.randomHead(rnd, AttnConfig.DEFAULT, 0, 129)));
            sim.step(1500); // mid-block: lanes, FIFOs and sequencers hold state
            assertTrue(old.out.receivedCount() < 129);
            sim.removeAgent(old.q);
            sim.removeAgent(old.k);
            sim.removeAgent(old.v);
            sim.removeAgent(old.cmd);
            sim.removeAgent(old.out);
            sim.reset(2);
            AttnHarness h = new AttnHarness(sim, AttnConfig.DEFAULT, 48, 0.2, 2);
            h.runAndCheck(List.of(AttnHarness.randomHead(rnd, AttnConfig.DEFAULT, 2, 20),
                    AttnHarness.randomHead(rnd, AttnConfig.DEFAULT, 1, 1)));
            assertEquals(21, h.out.receivedCount(), "only the new work's rows");
        }
    }
}
