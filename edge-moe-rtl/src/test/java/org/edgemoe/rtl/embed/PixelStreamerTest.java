package org.edgemoe.rtl.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.rtl.testing.IcarusReset;
import org.edgemoe.rtl.testing.VerilatorReset;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pixel streamer against the model's im2col (HwModel's patch vectors, (channel, row, column) order), with the
 * pixel encoding of each profile: random images and the real one, DDR latency and random stalls on every port,
 * two images back to back, a misaligned command, 64-bit beats (gathered) and 8-pixel words (split).
 */
class PixelStreamerTest {
    static final EmbedConfig PUB = EmbedConfig.of(Formats.published());
    static final EmbedConfig DSP = EmbedConfig.of(Formats.dsp18());
    /** A small image, 8-pixel words from 16-byte beats (each beat split in two). */
    static final EmbedConfig SPLIT = EmbedConfig.of(Formats.dsp18()).withImage(2, 16, 32, 8, 4, 16);
    /** 8-byte beats gathered into 16-pixel words. */
    static final EmbedConfig GATHER = EmbedConfig.of(Formats.published()).withImage(3, 32, 64, 16, 16, 8);
    static SimModel pub;
    static SimModel dsp;
    static SimModel split;
    static SimModel gather;

    @BeforeAll
    static void compile() {
        pub = HdlSim.compile(() -> new PixelStreamer(PUB));
        dsp = HdlSim.compile(() -> new PixelStreamer(DSP));
        split = HdlSim.compile(() -> new PixelStreamer(SPLIT));
        gather = HdlSim.compile(() -> new PixelStreamer(GATHER));
    }

    /** The model's patch vector of patch p (raw pixels), as HwModel.patchPixels. */
    static long[] patchVector(EmbedConfig cfg, byte[] img, int p) {
        int ps = cfg.patch();
        int py = p / cfg.gridW();
        int px = p % cfg.gridW();
        long[] v = new long[cfg.patchInputs()];
        int i = 0;
        for (int c = 0; c < cfg.channels(); c++) {
            for (int y = 0; y < ps; y++) {
                for (int x = 0; x < ps; x++) {
                    v[i++] = img[(c * cfg.height() + py * ps + y) * cfg.width() + px * ps + x] & 0xff;
                }
            }
        }
        return v;
    }

    /** Buffer writes seen on {@code write}, by address; fails on a second write to one address. */
    static final class WriteSink implements CycleAgent {
        final long[][] words;
        final SimSignal valid;
        final SimSignal ready;
        final SimSignal addr;
        final List<SimSignal> lanes;
        final SplittableRandom rnd;
        final double stall;
        boolean readyNow;
        int writes;
        String error;

        WriteSink(Sim sim, int depth, int lanes, long seed, double stall) {
            words = new long[depth][];
            valid = sim.signal("io_write_valid");
            ready = sim.signal("io_write_ready");
            addr = sim.signal("io_write_payload_addr");
            this.lanes = RtlTestSupport.lanes(sim, "io_write_payload_lanes", lanes);
            rnd = new SplittableRandom(seed);
            this.stall = stall;
            sim.addAgent(this);
        }

        @Override
        public void drive(Sim sim, long cycle) {
            readyNow = rnd.nextDouble() >= stall;
            ready.poke(readyNow ? 1 : 0);
        }

        @Override
        public void sample(Sim sim, long cycle) {
            if (readyNow && valid.peekBoolean()) {
                int a = (int) addr.peek();
                if (a >= words.length || words[a] != null) {
                    error = error != null ? error : "write " + writes + " to address " + a + (a < words.length ? " twice" : " beyond the buffer");
                    return;
                }
                long[] w = new long[lanes.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = lanes.get(i).peekSigned();
                }
                words[a] = w;
                writes++;
            }
        }
    }

    static byte[] randomImage(EmbedConfig cfg, long seed) {
        byte[] img = new byte[cfg.imageBytes()];
        new SplittableRandom(seed).nextBytes(img);
        img[0] = (byte) 255;
        img[1] = 0;
        return img;
    }

    /** Streams {@code images} back to back (DDR addresses 0, then after each other) and checks every buffer word. */
    static void run(SimModel model, EmbedConfig cfg, List<byte[]> images, long seed, double stall) {
        int n = cfg.imageBytes();
        byte[] ddr = new byte[n * images.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, ddr, i * n, n);
        }
        int wpt = cfg.wordsPerToken();
        int perImage = cfg.tokens() * wpt;
        int gap = 5;
        try (Sim sim = model.open()) {
            sim.reset();
            long ddrBase = 0x1000;
            DdrReadAgent mem = new DdrReadAgent(sim, ddr, ddrBase, cfg.beatBytes(), 45, seed, stall);
            WriteSink sink = new WriteSink(sim, images.size() * (perImage + gap), cfg.lanes(), seed + 1, stall);
            StreamDriver cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd", List.of(sim.signal("io_cmd_payload_imageAddr"),
                    sim.signal("io_cmd_payload_bufBase"))), seed + 2, stall);
            for (int i = 0; i < images.size(); i++) {
                cmd.enqueue(ddrBase + (long) i * n, (long) i * (perImage + gap));
            }
            sim.step(2);
            sim.runUntil(() -> cmd.isIdle() && mem.idle() && sim.peek("io_busy") == 0, 20L * perImage * images.size() + 1000);
            sim.step(5);
            assertEquals(null, sink.error);
            assertEquals(images.size() * perImage, sink.writes, "words written");
            assertEquals(images.size(), mem.requests, "one DDR transfer per image");
            int s = cfg.pixelShift();
            for (int i = 0; i < images.size(); i++) {
                for (int p = 0; p < cfg.tokens(); p++) {
                    long[] v = patchVector(cfg, images.get(i), p);
                    for (int k = 0; k < wpt; k++) {
                        long[] want = new long[cfg.lanes()];
                        for (int j = 0; j < want.length; j++) {
                            want[j] = v[k * cfg.lanes() + j] << s;
                        }
                        long[] got = sink.words[i * (perImage + gap) + p * wpt + k];
                        assertNotNull(got, "image " + i + " patch " + p + " word " + k + " not written");
                        assertArrayEquals(want, got, "image " + i + " patch " + p + " word " + k);
                    }
                }
            }
            assertEquals(0, sim.peek("io_misaligned"));
        }
    }

    @Test
    void publishedTwoRandomImagesUnderStalls() {
        run(pub, PUB, List.of(randomImage(PUB, 1), randomImage(PUB, 2)), 3, 0.3);
    }

    @Test
    void dsp18RandomImageFullRate() {
        run(dsp, DSP, List.of(randomImage(DSP, 4)), 5, 0);
    }

    @Test
    void splitAndGatherWidths() {
        run(split, SPLIT, List.of(randomImage(SPLIT, 6), randomImage(SPLIT, 7)), 8, 0.3);
        run(gather, GATHER, List.of(randomImage(GATHER, 9)), 10, 0.3);
    }

    @Test
    void realImage() {
        Optional<Path> folder = WeightFolder.locate();
        assumeTrue(folder.isPresent(), WeightFolder.absentMessage());
        long[] px = new QuantizedWeights(M3VitWeights.load(folder.get()), Formats.published()).pixels();
        byte[] img = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            img[i] = (byte) px[i];
        }
        run(pub, PUB, List.of(img), 11, 0.2);
    }

    @Test
    void misalignedImageAddressIsRefusedWithAStatus() {
        try (Sim sim = split.open()) {
            sim.reset();
            DdrReadAgent mem = new DdrReadAgent(sim, new byte[SPLIT.imageBytes()], 0, SPLIT.beatBytes(), 10, 1, 0);
            WriteSink sink = new WriteSink(sim, 4096, SPLIT.lanes(), 2, 0);
            StreamDriver cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd", List.of(sim.signal("io_cmd_payload_imageAddr"),
                    sim.signal("io_cmd_payload_bufBase"))), 3, 0);
            cmd.enqueue(4, 0);
            sim.step(200);
            assertEquals(1, sim.peek("io_misaligned"));
            assertEquals(0, sim.peek("io_busy"));
            assertEquals(0, mem.requests, "nothing read");
            assertEquals(0, sink.writes, "nothing written");
        }
    }

    @Test
    void idleAfterResetFromRandomStateAndMidTraffic() {
        VerilatorReset.assertIdleAfterResetFromRandomState(split, 4);
        VerilatorReset.assertIdleAfterResetFromRandomState(pub, 2);
    }

    @Test
    void icarusControlOutputsKnownAfterReset(@TempDir Path dir) throws Exception {
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new PixelStreamer(SPLIT), dir, 3);
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(PixelStreamer::new, dir.resolve("default"));
        RtlTestSupport.assertLintClean(() -> new PixelStreamer(SPLIT), dir.resolve("split"));
    }
}
