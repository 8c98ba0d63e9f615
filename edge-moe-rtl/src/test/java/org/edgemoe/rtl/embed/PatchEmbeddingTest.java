package org.edgemoe.rtl.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.engine.BufferPortAgent;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;

/**
 * The whole patch embedding in Verilator, as the top level runs it: pixel streamer (DDR -> patch vectors in an
 * activation buffer), then the patch linear on the default 16 x 16 compute unit (and on a 32 x 32 one fed
 * 32-pixel words through the streamer's row buffer) with the residual add into the
 * residual buffer preloaded with pos_embed (token 0, CLS, stays pos_embed[0]); all 129 x 192 outputs bit-exact
 * against HwModel.embed on the real image and weights (when present) and against the same HwOps on seeded
 * synthetic data, published profile (the dsp18 pixel encoding, a shift of 0, is PixelStreamerTest's). Reports the cycle counts measured (the {@code embed.*} bench figures).
 */
public class PatchEmbeddingTest {

    /** Data of one embedding: raw pixels [3][128][256], patch weights [192][768], bias [192], pos_embed [129][192]. */
    public record Data(long[] pixels, long[] weight, long[] bias, long[] pos) { }

    /** Cycles measured: the streamer's (command to last buffer write), the linear's (command to idle). */
    public record Cycles(long streamer, long linear) {
        public long total() { return streamer + linear; }
    }

    static Data synthetic(Formats f, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] px = new long[ModelShape.CHANNELS * ModelShape.IMAGE_H * ModelShape.IMAGE_W];
        for (int i = 0; i < px.length; i++) {
            px[i] = rnd.nextInt(256);
        }
        long[] w = new long[ModelShape.DIM * ModelShape.PATCH_IN];
        for (int i = 0; i < w.length; i++) {
            w[i] = FixedRaw.fromDouble(rnd.nextGaussian() * 0.02, f.weightPatch());
        }
        long[] b = new long[ModelShape.DIM];
        for (int i = 0; i < b.length; i++) {
            b[i] = FixedRaw.fromDouble(rnd.nextGaussian() * 0.5, f.weightBias());
        }
        long[] pos = new long[ModelShape.TOKENS * ModelShape.DIM];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = FixedRaw.fromDouble(rnd.nextGaussian(), f.resid());
        }
        pos[5] = FixedRaw.maxRaw(f.resid()); // CLS lane at the format's maximum
        return new Data(px, w, b, pos);
    }

    /** HwModel.embed's arithmetic for any data (HwOps.linear into resid, then HwOps.residualAdd of pos_embed). */
    static long[][] expected(Formats f, EmbedConfig ec, Data d) {
        long[][] x = new long[ModelShape.TOKENS][];
        x[0] = java.util.Arrays.copyOfRange(d.pos(), 0, ModelShape.DIM);
        byte[] img = bytes(d.pixels());
        for (int p = 0; p < ModelShape.PATCHES; p++) {
            long[] y = HwOps.linear(PixelStreamerTest.patchVector(ec, img, p), f.pixel(), d.weight(), f.weightPatch(), d.bias(),
                    f.weightBias(), f.resid(), false, f);
            for (int c = 0; c < ModelShape.DIM; c++) {
                y[c] = HwOps.residualAdd(y[c], d.pos()[(p + 1) * ModelShape.DIM + c], f);
            }
            x[p + 1] = y;
        }
        return x;
    }

    static byte[] bytes(long[] px) {
        byte[] b = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            b[i] = (byte) px[i];
        }
        return b;
    }

    static BigInteger packRow(long[] lanes, int w) {
        BigInteger v = BigInteger.ZERO;
        for (int k = lanes.length - 1; k >= 0; k--) {
            v = v.shiftLeft(w).or(BigInteger.valueOf(RtlTestSupport.mask(lanes[k], w)));
        }
        return v;
    }

    /** Runs the embedding; {@code out} receives the residual buffer's 129 tokens. */
    public static Cycles run(SimModel model, EmbedConfig ec, CuConfig cc, Data d, long seed, double stall, long[][] out) {
        int cols = cc.cols();
        int dim = ModelShape.DIM;
        int ys = dim / cols;
        try (Sim sim = model.open()) {
            sim.reset();
            DdrReadAgent ddr = new DdrReadAgent(sim, bytes(d.pixels()), 0, ec.beatBytes(), 45, seed, stall);
            StreamDriver cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd", List.of(sim.signal("io_cmd_payload_imageAddr"),
                    sim.signal("io_cmd_payload_bufBase"))), seed + 1, stall);
            BufferPortAgent res = new BufferPortAgent(sim, "destRead", "destData", ModelShape.TOKENS * ys, cols,
                    cc.formats().resid().width(), seed + 2, stall);
            for (int t = 0; t < ModelShape.TOKENS; t++) {
                for (int c = 0; c < dim; c++) {
                    res.mem[t * ys + c / cols][c % cols] = d.pos()[t * dim + c];
                }
            }
            sim.addAgent(res);
            sim.addAgent(res.writer(sim, "yResid"));
            long start = sim.cycle();
            cmd.enqueue(0, 0);
            sim.runUntil(() -> cmd.isIdle() && ddr.idle() && sim.peek("io_streamerBusy") == 0, 200_000);
            long streamer = sim.cycle() - start;

            String[] names = {"inSize", "outSize", "tokens", "bias", "attnBias", "outResid", "gelu", "expert"};
            List<SimSignal> cmdSig = new ArrayList<>();
            for (String n : names) {
                cmdSig.add(sim.signal("io_linear_payload_cu_" + n));
            }
            for (String n : new String[] {"xBase", "xStride", "yBase", "yStride", "residAdd", "gatherX", "scatterY"}) {
                cmdSig.add(sim.signal("io_linear_payload_" + n));
            }
            StreamDriver lin = new StreamDriver(sim, StreamPorts.of(sim, "linear", cmdSig), seed + 3, stall);
            StreamDriver wts = new StreamDriver(sim, "weight", seed + 4, stall);
            int in = ModelShape.PATCH_IN;
            lin.enqueue(in, dim, ModelShape.PATCHES, 1, 0, 1, 0, 0, 0, ec.wordsPerToken(), ys, ys, 1, 0, 0);
            long[] lanes = new long[cols];
            for (int ot = 0; ot < ys; ot++) {
                System.arraycopy(d.bias(), ot * cols, lanes, 0, cols);
                wts.enqueue(packRow(lanes, CuConfig.WEIGHT_WIDTH));
                for (int k = 0; k < in; k++) {
                    for (int c = 0; c < cols; c++) {
                        lanes[c] = d.weight()[(ot * cols + c) * in + k];
                    }
                    wts.enqueue(packRow(lanes, CuConfig.WEIGHT_WIDTH));
                }
            }
            long linStart = sim.cycle();
            sim.step(2);
            sim.runUntil(() -> lin.isIdle() && wts.isIdle() && sim.peek("io_engineBusy") == 0, 2_000_000);
            long linear = sim.cycle() - linStart;
            for (int t = 0; t < ModelShape.TOKENS; t++) {
                out[t] = new long[dim];
                for (int c = 0; c < dim; c++) {
                    out[t][c] = res.mem[t * ys + c / cols][c % cols];
                }
            }
            return new Cycles(streamer, linear);
        }
    }

    /** make bench: the embedding of a seeded synthetic image at the defaults (published, 16 x 16 unit), no stalls. */
    public static void bench() {
        Formats f = Formats.published();
        EmbedConfig ec = EmbedConfig.of(f).withAddressWidths(40, 13);
        CuConfig cc = CuConfig.of(16, 16, f);
        Data d = synthetic(f, 7);
        long[][] got = new long[ModelShape.TOKENS][];
        Cycles c = run(compile(ec, cc), ec, cc, d, 2, 0, got);
        long[][] want = expected(f, ec, d);
        for (int t = 0; t < want.length; t++) {
            if (!java.util.Arrays.equals(want[t], got[t])) {
                System.err.println("embed output mismatch at token " + t);
                break;
            }
        }
        System.out.printf("BENCH embed.streamer_cycles %d cycles%n", c.streamer());
        System.out.printf("BENCH embed.linear_cycles %d cycles%n", c.linear());
        System.out.printf("BENCH embed.cycles %d cycles%n", c.total());
    }

    static SimModel compile(EmbedConfig ec, CuConfig cc) {
        return HdlSim.compile(() -> new EmbedTestTop(ec, cc));
    }

    static void check(long[][] want, long[][] got, String what) {
        for (int t = 0; t < want.length; t++) {
            assertArrayEquals(want[t], got[t], what + ": token " + t);
        }
    }

    @Test
    void wholeEmbeddingBitExact() {
        Formats f = Formats.published();
        bitExact(EmbedConfig.of(f).withAddressWidths(40, 13), CuConfig.of(16, 16, f), "16 x 16");
    }

    /**
     * The 32 x 32 compute unit's embedding: 32-pixel words of two patch rows through the streamer's row buffer
     * (24 words a token), the patch linear in 6 output tiles of 24 input tiles (the 1,024-PE model compiles and
     * runs in about a minute on two cores).
     */
    @Test
    void wholeEmbeddingBitExactOn32x32() {
        Formats f = Formats.published();
        EmbedConfig ec = EmbedConfig.of(f);
        ec = ec.withImage(ec.channels(), ec.height(), ec.width(), ec.patch(), 32, ec.beatBytes()).withAddressWidths(40, 12);
        bitExact(ec, CuConfig.of(32, 32, f), "32 x 32");
    }

    private static void bitExact(EmbedConfig ec, CuConfig cc, String shape) {
        Formats f = cc.formats();
        SimModel model = compile(ec, cc);
        Optional<Path> folder = WeightFolder.locate();
        long[][] got = new long[ModelShape.TOKENS][];
        if (folder.isPresent()) {
            QuantizedWeights w = new QuantizedWeights(M3VitWeights.load(folder.get()), f);
            Data d = new Data(w.pixels(), w.patchWeight(), w.patchBias(), w.posEmbed());
            Cycles c = run(model, ec, cc, d, 1, 0.1, got);
            check(new HwModel(w).embed(), got, "real image, published, " + shape);
            System.out.println("embed " + shape + " (real image, 10 % stalls): streamer " + c.streamer() + ", linear " + c.linear() + " cycles");
        } else {
            System.out.println("real-data part skipped: " + WeightFolder.absentMessage());
        }
        Data d = synthetic(f, 7);
        Cycles c = run(model, ec, cc, d, 2, 0, got);
        check(expected(f, ec, d), got, "synthetic, published, " + shape);
        assertEquals(ModelShape.TOKENS, got.length);
        System.out.println("embed " + shape + " (synthetic, no stalls): streamer " + c.streamer() + ", linear " + c.linear() + " cycles");
    }
}
