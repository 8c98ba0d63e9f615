package org.edgemoe.rtl.layernorm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedLayer;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.junit.jupiter.api.Test;

/**
 * The default LayerNorm unit (D = 192, 16 lanes, 24 sets) on the real M3ViT LayerNorm inputs of layers 0, 1
 * and 11 (LN1 and LN2, all 129 tokens of the test image, as HwModel computes them for task 0) with the real
 * gamma/beta of those layers, bit-exact against HwOps.layerNorm, random stalls, both profiles.
 */
class LayerNormRealDataTest {
    static final int[] LAYERS = {0, 1, 11};

    static void run(Formats f, long seed) {
        Optional<Path> folder = WeightFolder.locate();
        assumeTrue(folder.isPresent(), WeightFolder.absentMessage());
        QuantizedWeights w = new QuantizedWeights(M3VitWeights.load(folder.get()), f);
        HwTrace trace = new HwModel(w).run(0);
        LnConfig cfg = LnConfig.of(f);
        try (Sim sim = HdlSim.compile(() -> new LayerNorm(cfg)).open()) {
            sim.reset();
            LnHarness h = new LnHarness(sim, cfg, seed, 0.25);
            for (int l : LAYERS) {
                QuantizedLayer q = w.layer(l);
                h.loadSet(2 * l, q.norm1Gamma(), q.norm1Beta());
                h.loadSet(2 * l + 1, q.norm2Gamma(), q.norm2Beta());
            }
            h.waitParams();
            for (int l : LAYERS) {
                long[][] ln1In = l == 0 ? trace.embedded() : trace.layerOutputs()[l - 1];
                h.submit(new LnHarness.Job(2 * l, ln1In), f.name() + " layer " + l + " LN1");
                h.submit(new LnHarness.Job(2 * l + 1, trace.afterAttention()[l]), f.name() + " layer " + l + " LN2");
            }
            h.finish(200_000);
        }
    }

    @Test
    void realInputsLayers0And1And11Published() {
        run(Formats.published(), 31);
    }

    @Test
    void realInputsLayers0And1And11Dsp18() {
        run(Formats.dsp18(), 32);
    }
}
