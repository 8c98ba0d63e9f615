package org.edgemoe.rtl.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.edgemoe.hdl.core.Elaboration;
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
 * two images back to back, a misaligned command, 64-bit beats (gathered) and 8-pixel words (split); words of
 * several patch rows through the row buffer (32 lanes with 16 x 16 patches, the 32 x 32 compute unit's, and 4 rows
 * of 8 x 8 patches), with the DDR's rate kept at full speed.
 */
class PixelStreamerTest {
    static final EmbedConfig PUB = EmbedConfig.of(Formats.published());
    static final EmbedConfig DSP = EmbedConfig.of(Formats.dsp18());
    /** A small image, 8-pixel words from 16-byte beats (each beat split in two). */
    static final EmbedConfig SPLIT = EmbedConfig.of(Formats.dsp18()).withImage(2, 16, 32, 8, 4, 16);
    /** 8-byte beats gathered into 16-pixel words. */
    static final EmbedConfig GATHER = EmbedConfig.of(Formats.published()).withImage(3, 32, 64, 16, 16, 8);
    /** The 32 x 32 compute unit's words: two patch rows of one channel (published, the real image shape). */
    static final EmbedConfig PUB32 = EmbedConfig.of(Formats.published()).withImage(3, 128, 256, 16, 32, 16);
    /** Words of four 8-pixel patch rows; each 16-byte beat is two patch rows (dsp18). */
    static final EmbedConfig STACK4 = EmbedConfig.of(Formats.dsp18()).withImage(2, 16, 32, 8, 32, 16);
    /** 8-byte beats gathered into 16-pixel patch rows, two a word. */
    static final EmbedConfig GATHER32 = EmbedConfig.of(Formats.published()).withImage(3, 32, 64, 16, 32, 8);
    static SimModel pub;
    static SimModel pub32;
    static SimModel stack4;
    static SimModel gather32;
    static SimModel dsp;
    static SimModel split;
    static SimModel gather;

    @BeforeAll
    static void compile() {
        pub = HdlSim.compile(() -> new PixelStreamer(PUB));
        dsp = HdlSim.compile(() -> new PixelStreamer(DSP));
        split = HdlSim.compile(() -> new PixelStreamer(SPLIT));
        gather = HdlSim.compile(() -> new PixelStreamer(GATHER));
        pub32 = HdlSim.compile(() -> new PixelStreamer(PUB32));
        stack4 = HdlSim.compile(() -> new PixelStreamer(STACK4));
        gather32 = HdlSim.compile(() -> new PixelStreamer(GATHER32));
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

    /**
     * Streams {@code images} back to back (DDR addresses 0, then after each other), checks every buffer word and
     * returns the cycles from the first command to the last write.
     */
    static long run(SimModel model, EmbedConfig cfg, List<byte[]> images, long seed, double stall) {
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
            long start = sim.cycle();
            sim.runUntil(() -> cmd.isIdle() && mem.idle() && sim.peek("io_busy") == 0, 20L * perImage * images.size() + 1000);
            long cycles = sim.cycle() - start;
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
            return cycles;
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
    void twoPatchRowsAWordFor32LanesUnderStalls() {
        run(pub32, PUB32, List.of(randomImage(PUB32, 12), randomImage(PUB32, 13)), 14, 0.3);
    }

    /** Without stalls both word shapes run at the DDR's rate: one beat a cycle after the first beat's latency. */
    @Test
    void fullRateIsTheDdrsRateForEitherWordShape() {
        int beats = PUB.imageBytes() / PUB.beatBytes();
        long c16 = run(pub, PUB, List.of(randomImage(PUB, 15)), 16, 0);
        long c32 = run(pub32, PUB32, List.of(randomImage(PUB32, 15)), 16, 0);
        System.out.println("pixel streamer, " + beats + " beats, 45-cycle DDR latency, no stalls: 16 lanes " + c16
                + " cycles, 32 lanes " + c32 + " cycles");
        assertTrue(c16 >= beats && c16 <= beats + 60, "16 lanes: " + c16 + " cycles for " + beats + " beats");
        assertTrue(c32 >= beats && c32 <= beats + 60, "32 lanes: " + c32 + " cycles for " + beats + " beats");
    }

    @Test
    void fourPatchRowsAWordAndGatheredRows() {
        run(stack4, STACK4, List.of(randomImage(STACK4, 17), randomImage(STACK4, 18), randomImage(STACK4, 19)), 20, 0.3);
        run(stack4, STACK4, List.of(randomImage(STACK4, 21)), 22, 0);
        run(gather32, GATHER32, List.of(randomImage(GATHER32, 23), randomImage(GATHER32, 24)), 25, 0.3);
    }

    @Test
    void wordShapesTheStreamerCannotBuildAreRefused() {
        EmbedConfig d = EmbedConfig.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withImage(3, 128, 256, 16, 24, 16));
        assertTrue(e.getMessage().contains("24 pixels must divide the patch width 16 or be a whole number of its rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withImage(3, 128, 256, 16, 48, 16));
        assertTrue(e.getMessage().contains("3 patch rows must divide the patch's 16 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withImage(3, 128, 256, 16, 32, 24));
        assertTrue(e.getMessage().contains("DDR beat of 24 bytes and patch row of 16 pixels must divide each other"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Elaboration.elaborate(() -> new PatchRowStacker(PUB)));
        assertTrue(e.getMessage().contains("not several rows"), e.getMessage());
    }

    @Test
    void realImageIn32LaneWords() {
        Optional<Path> folder = WeightFolder.locate();
        assumeTrue(folder.isPresent(), WeightFolder.absentMessage());
        long[] px = new QuantizedWeights(M3VitWeights.load(folder.get()), Formats.published()).pixels();
        byte[] img = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            img[i] = (byte) px[i];
        }
        run(pub32, PUB32, List.of(img), 26, 0.2);
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
        VerilatorReset.assertIdleAfterResetFromRandomState(stack4, 4);
    }

    @Test
    void icarusControlOutputsKnownAfterReset(@TempDir Path dir) throws Exception {
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new PixelStreamer(SPLIT), dir, 3);
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new PixelStreamer(STACK4), dir.resolve("stack4"), 3);
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(PixelStreamer::new, dir.resolve("default"));
        RtlTestSupport.assertLintClean(() -> new PixelStreamer(SPLIT), dir.resolve("split"));
        RtlTestSupport.assertLintClean(() -> new PixelStreamer(PUB32), dir.resolve("lanes32"));
        RtlTestSupport.assertLintClean(() -> new PixelStreamer(STACK4), dir.resolve("stack4"));
    }
}
