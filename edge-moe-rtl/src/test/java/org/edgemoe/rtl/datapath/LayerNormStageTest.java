package org.edgemoe.rtl.datapath;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.model.hw.QuantizedLayer;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.engine.BufferPortAgent;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LayerNorm between the residual and LNO buffers: layer 0's LN1 and LN2 parameters, on the real image's embedding, bit-exact. */
class LayerNormStageTest {
    static final int AW = 12;

    @Test
    void layer0Ln1OnTheRealEmbeddingUnderStalls() {
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        Formats f = Formats.dsp18();
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), f);
        long[][] res = new HwModel(q).embed();
        QuantizedLayer l0 = q.layer(0);
        LnConfig cfg = LnConfig.of(f);
        int n = cfg.lanes();
        int beats = cfg.beats();
        int t = ModelShape.TOKENS;
        SimModel model = HdlSim.compile(() -> new LayerNormStage(cfg, AW));
        try (Sim sim = model.open()) {
            sim.reset();
            BufferPortAgent rb = new BufferPortAgent(sim, "resRead", "resData", 1 << AW, n, f.resid().width(), 3, 0.2);
            for (int i = 0; i < t; i++) {
                for (int k = 0; k < beats; k++) {
                    System.arraycopy(res[i], k * n, rb.mem[100 + i * beats + k], 0, n);
                }
            }
            sim.addAgent(rb);
            long[][] lno = new org.edgemoe.rtl.engine.WriteCapture(sim, "lnoWrite", 1 << AW, n).mem;
            List<SimSignal> ps = new ArrayList<>();
            ps.add(sim.signal("io_param_payload_addr"));
            ps.addAll(RtlTestSupport.lanes(sim, "io_param_payload_gamma", n));
            ps.addAll(RtlTestSupport.lanes(sim, "io_param_payload_beta", n));
            StreamDriver param = new StreamDriver(sim, StreamPorts.of(sim, "param", ps), 1, 0);
            long[][] gammas = {l0.norm1Gamma(), l0.norm2Gamma()};
            long[][] betas = {l0.norm1Beta(), l0.norm2Beta()};
            for (int s = 0; s < 2; s++) {
                for (int k = 0; k < beats; k++) {
                    long[] beat = new long[1 + 2 * n];
                    beat[0] = (long) s * beats + k;
                    for (int c = 0; c < n; c++) {
                        beat[1 + c] = gammas[s][k * n + c];
                        beat[1 + n + c] = betas[s][k * n + c];
                    }
                    param.enqueue(beat);
                }
            }
            sim.runUntil(param::isIdle, 1000);
            StreamDriver cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd", List.of(sim.signal("io_cmd_payload_set"),
                    sim.signal("io_cmd_payload_tokens"), sim.signal("io_cmd_payload_src"), sim.signal("io_cmd_payload_dst"))), 2, 0);
            cmd.enqueue(0, t, 100, 0);                      // LN1 into LNO words 0..
            cmd.enqueue(1, 5, 100, 2000);                   // LN2 parameters on the first 5 tokens, elsewhere
            sim.step(2);
            sim.runUntil(() -> cmd.isIdle() && sim.peek("io_busy") == 0, 200_000);
            for (int s = 0; s < 2; s++) {
                int base = s == 0 ? 0 : 2000;
                for (int i = 0; i < (s == 0 ? t : 5); i++) {
                    long[] want = HwOps.layerNorm(res[i], f.resid(), gammas[s], f.weightNorm(), betas[s], f.weightBias(), f.act(), f);
                    for (int k = 0; k < beats; k++) {
                        for (int c = 0; c < n; c++) {
                            assertEquals(want[k * n + c], lno[base + i * beats + k][c], "set " + s + " token " + i + " element " + (k * n + c));
                        }
                    }
                }
            }
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new LayerNormStage(LnConfig.of(Formats.dsp18()), AW), dir);
    }
}
