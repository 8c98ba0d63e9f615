package org.edgemoe.rtl.datapath;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Q / K / V written as the QKV linear's y beats (three regions), the three heads run, the ATT buffer's words
 * read back: bit-exact to HwOps.attentionHead, on random data and on layer 0 of the real image.
 */
class AttentionStageTest {
    static final int LANES = 16;
    static final int AW = 14;

    /** qkv[t][3D] (Q | K | V, head-major inside each) through the stage; returns att[t][D]. */
    static long[][] run(AttnConfig a, long[][] qkv, int tokens) {
        SimModel model = HdlSim.compile(() -> new AttentionStage(LANES, AW, a));
        int d = a.heads() * a.headDim();
        int tw = a.tokenWidth();
        int ow = QkvStore.tileBits(LANES, a);
        try (Sim sim = model.open()) {
            sim.reset();
            List<SimSignal> lanes = RtlTestSupport.lanes(sim, "io_qkvWrite_payload_lanes", LANES);
            for (int region = 0; region < 3; region++) {
                for (int t = 0; t < tokens; t++) {
                    for (int tile = 0; tile < d / LANES; tile++) {
                        sim.poke("io_qkvWrite_valid", 1);
                        sim.poke("io_qkvWrite_payload_addr", ((long) region << (tw + ow)) | ((long) t << ow) | tile);
                        for (int c = 0; c < LANES; c++) {
                            lanes.get(c).poke(RtlTestSupport.mask(qkv[t][region * d + tile * LANES + c], a.act().width()));
                        }
                        sim.step();
                    }
                }
            }
            sim.poke("io_qkvWrite_valid", 0);
            long[][] mem = new org.edgemoe.rtl.engine.WriteCapture(sim, "attWrite", 1 << AW, LANES).mem;
            StreamDriver cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd",
                    List.of(sim.signal("io_cmd_payload_head"), sim.signal("io_cmd_payload_tokens"))), 5, 0);
            for (int h = 0; h < a.heads(); h++) {
                cmd.enqueue(h, tokens);
            }
            sim.step(2);
            sim.runUntil(() -> cmd.isIdle() && sim.peek("io_busy") == 0, 400_000);
            assertEquals(0, sim.peek("io_error"));
            int words = a.headDim() / LANES;
            int hb = 32 - Integer.numberOfLeadingZeros(a.heads() - 1);
            int kb = 32 - Integer.numberOfLeadingZeros(words - 1);
            long[][] out = new long[tokens][d];
            for (int t = 0; t < tokens; t++) {
                for (int h = 0; h < a.heads(); h++) {
                    for (int k = 0; k < words; k++) {
                        System.arraycopy(mem[(t << (hb + kb)) | (h << kb) | k], 0, out[t], h * a.headDim() + k * LANES, LANES);
                    }
                }
            }
            return out;
        }
    }

    static void check(AttnConfig a, long[][] qkv, int tokens) {
        long[][] got = run(a, qkv, tokens);
        int hd = a.headDim();
        int d = a.heads() * hd;
        for (int h = 0; h < a.heads(); h++) {
            long[][] q = new long[tokens][hd];
            long[][] k = new long[tokens][hd];
            long[][] v = new long[tokens][hd];
            for (int t = 0; t < tokens; t++) {
                System.arraycopy(qkv[t], h * hd, q[t], 0, hd);
                System.arraycopy(qkv[t], d + h * hd, k[t], 0, hd);
                System.arraycopy(qkv[t], 2 * d + h * hd, v[t], 0, hd);
            }
            long[][] want = HwOps.attentionHead(q, k, v, a.formats());
            for (int t = 0; t < tokens; t++) {
                for (int c = 0; c < hd; c++) {
                    assertEquals(want[t][c], got[t][h * hd + c], "head " + h + " token " + t + " value " + c);
                }
            }
        }
    }

    @Test
    void randomQkvThreeHeads() {
        AttnConfig a = AttnConfig.DEFAULT;
        int tokens = 21;
        SplittableRandom r = new SplittableRandom(3);
        long[][] qkv = new long[tokens][3 * a.heads() * a.headDim()];
        for (long[] row : qkv) {
            for (int i = 0; i < row.length; i++) {
                row[i] = FixedRaw.fromDouble(r.nextDouble(-3, 3), a.act());
            }
        }
        check(a, qkv, tokens);
    }

    @Test
    void layer0OfTheRealImage() {
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        AttnConfig a = AttnConfig.DEFAULT;
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), Formats.dsp18());
        HwModel.HeadInputs[] heads = new HwModel(q).attentionInputs(0, 0);
        int t = ModelShape.TOKENS;
        int hd = ModelShape.HEAD_DIM;
        int d = ModelShape.DIM;
        long[][] qkv = new long[t][3 * d];
        for (int h = 0; h < ModelShape.HEADS; h++) {
            for (int i = 0; i < t; i++) {
                System.arraycopy(heads[h].q()[i], 0, qkv[i], h * hd, hd);
                System.arraycopy(heads[h].k()[i], 0, qkv[i], d + h * hd, hd);
                System.arraycopy(heads[h].v()[i], 0, qkv[i], 2 * d + h * hd, hd);
            }
        }
        check(a, qkv, t);
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new AttentionStage(LANES, AW, AttnConfig.DEFAULT), dir);
    }
}
