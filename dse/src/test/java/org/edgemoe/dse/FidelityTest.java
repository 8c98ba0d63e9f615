package org.edgemoe.dse;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.Routing;
import org.edgemoe.rtl.perf.ImageOps;
import org.edgemoe.rtl.perf.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fidelity cache round trip and the routing the cycle model gets from it (the same tokens per expert). */
class FidelityTest {
    @Test
    void theCachedRoutingGivesTheModelTheSameTokensPerExpert(@TempDir Path tmp) throws Exception {
        int[][][] counts = new int[2][ModelShape.LAYERS][];
        int[] l1 = {13, 12, 31, 7, 16, 11, 11, 3, 3, 29, 24, 22, 5, 15, 20, 36};   // layer 1 of the real image, dsp18, task 0
        int[] l3 = {32, 33, 26, 12, 8, 0, 31, 21, 7, 25, 1, 20, 6, 9, 25, 2};
        counts[0][1] = l1;
        counts[0][3] = l3;
        counts[1][1] = l3;
        counts[1][3] = l1;
        Fidelity f = new Fidelity("dsp18", new double[] {1e-3, 2e-3}, new double[] {0.98, 0.99}, counts, "test");
        Files.writeString(tmp.resolve("fidelity-dsp18.json"), JobJson.write(f.toMap()));
        Fidelity back = Fidelity.of("dsp18", tmp);
        assertEquals(1e-3, back.finalMse()[0]);
        assertEquals(0.99, back.routingAgreement()[1]);
        for (int t = 0; t < 2; t++) {
            Routing[] r = back.routing(t);
            assertEquals(ModelShape.TOKENS, r[1].experts().length, "129 tokens of two choices");
            List<Op> ops = ImageOps.m3vit(4, ModelShape.TOKENS, r);
            List<Op> experts = ops.stream().filter(o -> o.kind() == Op.Kind.EXPERTS).toList();
            assertEquals(Arrays.stream(counts[t][1]).boxed().toList(), experts.get(0).expertTokens());
            assertEquals(Arrays.stream(counts[t][3]).boxed().toList(), experts.get(1).expertTokens());
            assertNull(r[0], "dense layers have no routing");
        }
        int[][][] odd = new int[2][ModelShape.LAYERS][];
        odd[0][1] = new int[16];
        odd[0][1][0] = 3;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Fidelity("dsp18", new double[2], new double[2], odd, "x").routing(0));
        assertTrue(e.getMessage().contains("not a multiple of top-2"), e.getMessage());
    }
}
