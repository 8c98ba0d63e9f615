package org.edgemoe.rtl.datapath;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedLayer;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datapath on the real weights: layer 0's dense MLP block (FC1 with GELU from the LayerNorm buffer into the
 * hidden buffer, FC2 added into the residual stream) on the real image's activations, bit-exact against HwModel's
 * layer-0 output, with the buffers loaded and read back through their external ports.
 */
class DatapathTest {
    static final int N = 16;

    /** Drives the datapath's external ports and its op, weight and list streams. */
    static final class Bench {
        final Sim sim;
        final DatapathConfig cfg;
        final StreamDriver ops;
        final StreamDriver weights;

        Bench(Sim sim, DatapathConfig cfg) {
            this.sim = sim;
            this.cfg = cfg;
            if (!sim.hasSignal("io_linear_valid")) {   // a top without the op stream: buffer access only
                ops = null;
                weights = null;
                return;
            }
            List<SimSignal> op = new ArrayList<>();
            for (String n : new String[] {"inSize", "outSize", "tokens", "bias", "attnBias", "outResid", "gelu", "expert"}) {
                op.add(sim.signal("io_linear_payload_lin_cu_" + n));
            }
            for (String n : new String[] {"xBase", "xStride", "yBase", "yStride", "residAdd", "gatherX", "scatterY"}) {
                op.add(sim.signal("io_linear_payload_lin_" + n));
            }
            op.add(sim.signal("io_linear_payload_src"));
            op.add(sim.signal("io_linear_payload_dst"));
            ops = new StreamDriver(sim, StreamPorts.of(sim, "linear", op), 1, 0);
            weights = new StreamDriver(sim, "weight", 2, 0);
        }

        /** Writes token-major rows into buffer {@code name} (lno, qkv, att, hid, res, sec) through its external port. */
        void load(String name, long[][] rows, int width) {
            int w = name.equals("res") || name.equals("sec") ? cfg.cu().formats().resid().width() : cfg.cu().formats().act().width();
            List<SimSignal> lanes = RtlTestSupport.lanes(sim, "io_" + name + "Write_payload_lanes", N);
            int words = width / N;
            for (int t = 0; t < rows.length; t++) {
                for (int k = 0; k < words; k++) {
                    sim.poke("io_" + name + "Write_valid", 1);
                    sim.poke("io_" + name + "Write_payload_addr", (long) t * words + k);
                    for (int c = 0; c < N; c++) {
                        lanes.get(c).poke(RtlTestSupport.mask(rows[t][k * N + c], w));
                    }
                    sim.step();
                }
            }
            sim.poke("io_" + name + "Write_valid", 0);
        }

        /** Reads {@code tokens} rows of {@code width} values back from buffer {@code name}. */
        long[][] read(String name, int tokens, int width) {
            List<SimSignal> out = new ArrayList<>(RtlTestSupport.lanes(sim, "io_" + name + "Data_payload_lanes", N));
            StreamDriver addr = new StreamDriver(sim, StreamPorts.of(sim, name + "Read",
                    List.of(sim.signal("io_" + name + "Read_payload_addr"), sim.signal("io_" + name + "Read_payload_last"))), 3, 0.2);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, name + "Data", out), 4, 0.2).allSigned();
            int words = width / N;
            for (int i = 0; i < tokens * words; i++) {
                addr.enqueue(i, 0);
            }
            sim.runUntil(() -> mon.receivedCount() >= tokens * words, 20L * tokens * words + 100);
            sim.removeAgent(addr);
            sim.removeAgent(mon);
            long[][] rows = new long[tokens][width];
            List<long[]> beats = mon.beats();
            for (int i = 0; i < beats.size(); i++) {
                System.arraycopy(beats.get(i), 0, rows[i / words], (i % words) * N, N);
            }
            return rows;
        }

        /** Queues a linear op and its weights in the compute unit's stream order. */
        void linear(int in, int out, int tokens, long[] w, long[] bias, boolean attnBias, boolean gelu, boolean resid,
                    ActBuf src, ActBuf dst, boolean residAdd) {
            ops.enqueue(in, out, tokens, bias != null ? 1 : 0, attnBias ? 1 : 0, resid ? 1 : 0, gelu ? 1 : 0, 0,
                    0, in / N, 0, out / N, residAdd ? 1 : 0, 0, 0, src.ordinal(), dst.ordinal());
            weightsOf(in, out, w, bias);
        }

        /** Queues an [out][in] matrix and its bias in the compute unit's weight-stream order. */
        void weightsOf(int in, int out, long[] w, long[] bias) {
            long[] stream = org.edgemoe.rtl.cu.WeightStream.of(w, bias, out, in, N, N);
            for (int i = 0; i < stream.length; i += N) {
                weights.enqueue(pack(java.util.Arrays.copyOfRange(stream, i, i + N)));
            }
        }

        long runOps(long max) {
            long t0 = sim.cycle();
            sim.step(2);
            sim.runUntil(() -> ops.isIdle() && weights.isIdle() && sim.peek("io_busy") == 0, max);
            return sim.cycle() - t0;
        }

        static BigInteger pack(long[] lanes) {
            BigInteger v = BigInteger.ZERO;
            for (int k = lanes.length - 1; k >= 0; k--) {
                v = v.shiftLeft(CuConfig.WEIGHT_WIDTH).or(BigInteger.valueOf(RtlTestSupport.mask(lanes[k], CuConfig.WEIGHT_WIDTH)));
            }
            return v;
        }
    }

    @Test
    void layer0DenseMlpOnTheRealImageIsBitExact() {
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        Formats f = Formats.dsp18();
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), f);
        HwTrace trace = new HwModel(q).run(0);
        QuantizedLayer l0 = q.layer(0);
        int t = ModelShape.TOKENS;
        int d = ModelShape.DIM;
        int h = ModelShape.MLP_HIDDEN;
        long[][] res = trace.afterAttention()[0];
        long[][] lno = new long[t][];
        for (int i = 0; i < t; i++) {
            lno[i] = HwOps.layerNorm(res[i], f.resid(), l0.norm2Gamma(), f.weightNorm(), l0.norm2Beta(), f.weightBias(), f.act(), f);
        }
        DatapathConfig cfg = DatapathConfig.m3vit(CuConfig.of(N, N, f));
        SimModel model = HdlSim.compile(() -> new Datapath(cfg));
        try (Sim sim = model.open()) {
            sim.reset();
            Bench b = new Bench(sim, cfg);
            b.load("res", res, d);
            b.load("lno", lno, d);
            b.linear(d, h, t, l0.mlp().fc1Weight(), l0.mlp().fc1Bias(), false, true, false, ActBuf.LNO, ActBuf.HID, false);
            b.linear(h, d, t, l0.mlp().fc2Weight(), l0.mlp().fc2Bias(), false, false, false, ActBuf.HID, ActBuf.LNO, true);
            long cycles = b.runOps(1_000_000);
            long[][] got = b.read("res", t, d);
            for (int i = 0; i < t; i++) {
                assertArrayEquals(trace.layerOutputs()[0][i], got[i], "token " + i + " of layer 0's output");
            }
            double ideal = 2.0 * t * d * h / (N * N);
            assertTrue(cycles < 1.05 * ideal, "FC1 + FC2 in " + cycles + " cycles, ideal " + ideal);
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new Datapath(new DatapathConfig(CuConfig.of(4, 4, Formats.dsp18()).withLimits(64, 64, 16),
                16, 16, 32)), dir);
    }
}
