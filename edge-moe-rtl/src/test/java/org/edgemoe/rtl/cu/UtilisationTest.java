package org.edgemoe.rtl.cu;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.model.hw.QuantizedLayer;
import org.edgemoe.model.hw.QuantizedWeights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default 16 x 16 unit: utilisation of the shapes (a cycle count) and whole-layer bit-exactness. */
class UtilisationTest {

    @BeforeAll
    static void compile() {
        UtilisationRun.model();
    }

    @Test
    void utilisationAtLeast95PercentAndBitExact() {
        StringBuilder report = new StringBuilder();
        for (int[] s : UtilisationRun.standardShapes()) {
            UtilisationRun.Result r = UtilisationRun.run(s[0], s[1], s[2], s[3] != 0, 7 + s[0] + s[1]);
            report.append(String.format("%s%s cycles %d utilisation %.4f%n", r.name(), r.expert() ? " (expert)" : "",
                    r.cycles(), r.utilisation()));
            assertNull(r.mismatch(), r.name() + ": " + r.mismatch());
            if (r.tokens() == 129) {
                assertTrue(r.utilisation() >= 0.95, r.name() + " utilisation " + r.utilisation());
            }
        }
        System.out.print(report);
    }

    @Test
    void realLayer0QkvWithRealLayerNormActivations() {
        Optional<Path> folder = WeightFolder.locate();
        assumeTrue(folder.isPresent(), WeightFolder.absentMessage());
        Formats f = Formats.published();
        QuantizedWeights qw = new QuantizedWeights(M3VitWeights.load(folder.get()), f);
        long[][] x = new HwModel(qw).embed();
        QuantizedLayer l0 = qw.layer(0);
        int t = x.length;
        long[][] h = new long[t][];
        for (int i = 0; i < t; i++) {
            h[i] = HwOps.layerNorm(x[i], f.resid(), l0.norm1Gamma(), f.weightNorm(), l0.norm1Beta(), f.weightBias(),
                    f.act(), f);
        }
        int in = h[0].length;
        int out = l0.qkvBias().length;
        CuLayer layer = new CuLayer(in, out, t, true, false, false, false, h, l0.qkvWeight(), l0.qkvBias(), null, null);
        UtilisationRun.Result r = UtilisationRun.run(CuConfig.defaults(), layer);
        System.out.printf("real l0 qkv %dx%d.t%d cycles %d utilisation %.4f%n", in, out, t, r.cycles(), r.utilisation());
        assertNull(r.mismatch(), r.mismatch());
    }
}
