package org.edgemoe.rtl.datapath;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedLayer;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.cu.CuConfig;
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

/**
 * A whole dense transformer layer in RTL: layer 0 of M3ViT on the real image, from the embedded tokens in the
 * residual buffer to the layer's output, through LN1, Q / K / V, three attention heads, the projection, LN2,
 * FC1 (GELU) and FC2 on the layer datapath, each command issued from Java when the unit it depends on is idle:
 * bit-exact to HwModel's layer-0 output for all 129 tokens.
 */
class LayerDatapathTest {
    static final int N = 16;

    static long[] rows(long[] w, int from, int count, int in) {
        return Arrays.copyOfRange(w, from * in, (from + count) * in);
    }

    static void waitIdle(Sim sim, StreamDriver d, String busy) {
        sim.step(2);
        sim.runUntil(() -> d.isIdle() && sim.peek(busy) == 0, 2_000_000);
    }

    /**
     * Not in {@code make test}: {@link CommandDispatcherTest} runs the same layer through this datapath from decoded
     * commands (CI time); run it with {@code -Dtest=LayerDatapathTest -Ddatapath.full=true}.
     */
    @Test
    void denseLayer0OfTheRealImageIsBitExact() {
        assumeTrue(Boolean.getBoolean("datapath.full"), "the same layer runs in CommandDispatcherTest; -Ddatapath.full=true runs it here");
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        Formats f = Formats.dsp18();
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), f);
        HwTrace trace = new HwModel(q).run(0);
        QuantizedLayer l0 = q.layer(0);
        int t = ModelShape.TOKENS;
        int d = ModelShape.DIM;
        int h = ModelShape.MLP_HIDDEN;
        DatapathConfig cfg = DatapathConfig.m3vit(CuConfig.of(N, N, f));
        AttnConfig attn = AttnConfig.DEFAULT;
        LnConfig ln = LnConfig.of(f);
        SimModel model = HdlSim.compile(() -> new LayerDatapath(cfg, attn, ln));
        try (Sim sim = model.open()) {
            sim.reset();
            DatapathTest.Bench b = new DatapathTest.Bench(sim, cfg);
            b.load("res", trace.embedded(), d);
            // gamma / beta of LN1 (set 0) and LN2 (set 1)
            List<SimSignal> ps = new ArrayList<>();
            ps.add(sim.signal("io_lnParam_payload_addr"));
            ps.addAll(RtlTestSupport.lanes(sim, "io_lnParam_payload_gamma", N));
            ps.addAll(RtlTestSupport.lanes(sim, "io_lnParam_payload_beta", N));
            StreamDriver param = new StreamDriver(sim, StreamPorts.of(sim, "lnParam", ps), 1, 0);
            long[][] gammas = {l0.norm1Gamma(), l0.norm2Gamma()};
            long[][] betas = {l0.norm1Beta(), l0.norm2Beta()};
            for (int s = 0; s < 2; s++) {
                for (int k = 0; k < d / N; k++) {
                    long[] beat = new long[1 + 2 * N];
                    beat[0] = (long) s * (d / N) + k;
                    for (int c = 0; c < N; c++) {
                        beat[1 + c] = gammas[s][k * N + c];
                        beat[1 + N + c] = betas[s][k * N + c];
                    }
                    param.enqueue(beat);
                }
            }
            sim.runUntil(param::isIdle, 1000);
            StreamDriver lnCmd = new StreamDriver(sim, StreamPorts.of(sim, "lnCmd", List.of(sim.signal("io_lnCmd_payload_set"),
                    sim.signal("io_lnCmd_payload_tokens"), sim.signal("io_lnCmd_payload_src"), sim.signal("io_lnCmd_payload_dst"))), 2, 0);
            StreamDriver attnCmd = new StreamDriver(sim, StreamPorts.of(sim, "attnCmd",
                    List.of(sim.signal("io_attnCmd_payload_head"), sim.signal("io_attnCmd_payload_tokens"))), 3, 0);
            long start = sim.cycle();
            // LN1
            lnCmd.enqueue(0, t, 0, 0);
            waitIdle(sim, lnCmd, "io_lnBusy");
            // Q, K, V: three ops of D outputs into the QKV store's regions
            int tw = attn.tokenWidth();
            int ow = QkvStore.tileBits(N, attn);
            for (int r = 0; r < 3; r++) {
                b.ops.enqueue(d, d, t, 1, 1, 0, 0, 0, 0, d / N, (long) r << (tw + ow), 1L << ow, 0, 0, 0,
                        ActBuf.LNO.ordinal(), ActBuf.QKV.ordinal());
                b.weightsOf(d, d, rows(l0.qkvWeight(), r * d, d, d), Arrays.copyOfRange(l0.qkvBias(), r * d, (r + 1) * d));
            }
            waitIdle(sim, b.ops, "io_linearBusy");
            for (int head = 0; head < ModelShape.HEADS; head++) {
                attnCmd.enqueue(head, t);
            }
            waitIdle(sim, attnCmd, "io_attnBusy");
            assertEquals(0, sim.peek("io_attnError"));
            // projection, added into the residual stream
            b.ops.enqueue(d, d, t, 1, 1, 0, 0, 0, 0, cfg.attStride(), 0, d / N, 1, 0, 0, ActBuf.ATT.ordinal(), ActBuf.LNO.ordinal());
            b.weightsOf(d, d, l0.projWeight(), l0.projBias());
            waitIdle(sim, b.ops, "io_linearBusy");
            // LN2, FC1 (GELU) into HID, FC2 added into the residual stream
            lnCmd.enqueue(1, t, 0, 0);
            waitIdle(sim, lnCmd, "io_lnBusy");
            b.linear(d, h, t, l0.mlp().fc1Weight(), l0.mlp().fc1Bias(), false, true, false, ActBuf.LNO, ActBuf.HID, false);
            b.linear(h, d, t, l0.mlp().fc2Weight(), l0.mlp().fc2Bias(), false, false, false, ActBuf.HID, ActBuf.LNO, true);
            waitIdle(sim, b.ops, "io_linearBusy");
            long cycles = sim.cycle() - start;
            long[][] got = b.read("res", t, d);
            for (int i = 0; i < t; i++) {
                assertArrayEquals(trace.layerOutputs()[0][i], got[i], "token " + i + " of layer 0's output");
            }
            System.out.println("dense layer 0: " + cycles + " cycles");
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        Formats f = Formats.dsp18();
        RtlTestSupport.assertLintClean(() -> new LayerDatapath(DatapathConfig.m3vit(CuConfig.of(N, N, f)), AttnConfig.DEFAULT,
                LnConfig.of(f)), dir);
    }
}
