package org.edgemoe.rtl.gelu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.sim.BatchRun;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.edgemoe.rtl.testing.VerilatorReset;
import org.edgemoe.rtl.testing.IcarusReset;
import org.junit.jupiter.api.io.TempDir;

/** GeluUnit against the golden model (HwOps.gelu), bit-exact, both profiles and an explicit-format variant. */
class GeluUnitTest {
    static final int LANES = 4;
    static final Formats DSP = Formats.dsp18();
    static final Formats PUB = Formats.published();
    /** Explicit formats: the dsp18 accumulator SQ24.24 in, act SQ8.10 out (a fused GELU after a dot product). */
    static final FixFormat ACC_IN = DSP.acc();

    static SimModel dsp;
    static SimModel pub;
    static SimModel accOne;

    @BeforeAll
    static void compile() {
        dsp = HdlSim.compile(() -> new GeluUnit(DSP, LANES));
        pub = HdlSim.compile(() -> new GeluUnit(PUB, LANES));
        accOne = HdlSim.compile(() -> new GeluUnit(DSP, ACC_IN, DSP.act(), 1, GeluTable.published()));
    }

    /** Edge values of a format: 0, +-LSB, extremes, the table end (5.5) and its neighbours, the negative tail. */
    static List<Long> edges(FixFormat in) {
        List<Long> v = new ArrayList<>();
        long min = FixedRaw.minRaw(in);
        long max = FixedRaw.maxRaw(in);
        long end = 176L << (in.fracBits() - 5);
        for (long e : new long[] {0, 1, -1, 2, -2, min, min + 1, max, max - 1, end, end - 1, end + 1, -end, -end + 1,
                -end - 1, 1L << in.fracBits(), -(1L << in.fracBits()), (1L << (in.fracBits() - 5)) - 1,
                1L << (in.fracBits() - 5)}) {
            v.add(e);
        }
        for (double d = -12; d <= 12; d += 0.40625) {
            v.add(FixedRaw.fromDouble(d, in));
        }
        return v;
    }

    static long randomValue(SplittableRandom rnd, FixFormat in) {
        switch (rnd.nextInt(4)) {
            case 0:
                return rnd.nextLong(FixedRaw.minRaw(in), FixedRaw.maxRaw(in) + 1); // whole range
            case 1:
                return FixedRaw.fromDouble(rnd.nextDouble(-6.5, 6.5), in);       // table range, both signs
            case 2:
                return FixedRaw.fromDouble(rnd.nextDouble(-40, -3), in);         // negative tail (-> ~0)
            default:
                return rnd.nextLong(-(1L << in.fracBits()), 1L << in.fracBits()); // |x| < 1
        }
    }

    /** Random beats (edges first) with stalls on both sides; every lane bit-exact to the golden model. */
    static void randomWithStalls(SimModel model, Formats f, FixFormat in, FixFormat out, int lanes, int beats,
                                 long seed, double inStall, double outStall) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Long> values = new ArrayList<>(edges(in));
        while (values.size() < beats * lanes) {
            values.add(randomValue(rnd, in));
        }
        int n = values.size() / lanes;
        try (Sim sim = model.open()) {
            sim.reset();
            StreamDriver drv = new StreamDriver(sim, "input", seed, inStall);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "output"), seed + 1, outStall).allSigned();
            assertEquals(lanes, drv.ports().lanes().size(), "input lanes");
            assertEquals(lanes, mon.ports().lanes().size(), "output lanes");
            long[][] expected = new long[n][lanes];
            for (int b = 0; b < n; b++) {
                long[] beat = new long[lanes];
                for (int k = 0; k < lanes; k++) {
                    beat[k] = values.get(b * lanes + k);
                    expected[b][k] = HwOps.gelu(beat[k], in, out, f);
                }
                drv.enqueue(beat);
            }
            sim.runUntil(() -> mon.receivedCount() >= n, 20L * n + 100);
            sim.step(20);
            List<long[]> got = mon.beats();
            assertEquals(n, got.size(), "beats out");
            for (int b = 0; b < n; b++) {
                for (int k = 0; k < lanes; k++) {
                    long x = values.get(b * lanes + k);
                    assertEquals(expected[b][k], got.get(b)[k],
                            "beat " + b + " lane " + k + ": gelu(" + x + " raw = " + FixedRaw.toDouble(x, in.fracBits()) + ")");
                }
            }
        }
    }

    @Test
    void dsp18RandomWithStalls() {
        randomWithStalls(dsp, DSP, DSP.act(), DSP.act(), LANES, 2000, 11, 0.3, 0.3);
    }

    @Test
    void publishedRandomWithStalls() {
        randomWithStalls(pub, PUB, PUB.act(), PUB.act(), LANES, 2000, 12, 0.3, 0.3);
    }

    @Test
    void explicitFormatsRandomWithStalls() {
        randomWithStalls(accOne, DSP, ACC_IN, DSP.act(), 1, 3000, 13, 0.3, 0.5);
    }

    /** No stalls: one beat per cycle after a latency of 2. */
    @Test
    void fullThroughput() {
        int n = 500;
        try (Sim sim = dsp.open()) {
            sim.reset();
            StreamDriver drv = new StreamDriver(sim, "input", 1, 0.0);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "output"), 2, 0.0).allSigned();
            for (int b = 0; b < n; b++) {
                drv.enqueue(b, -b, 3 * b, -7 * b);
            }
            long start = sim.cycle();
            sim.runUntil(() -> mon.receivedCount() >= n, 10L * n);
            List<Long> c = mon.cycles();
            assertEquals(n, c.size());
            assertEquals(GeluUnit.latency(), c.get(0) - start, "latency");
            assertEquals(n - 1, c.get(n - 1) - c.get(0), "cycles for " + n + " beats");
        }
    }

    /**
     * Exhaustive: every SQ8.10 input of the dsp18 profile, 4 per cycle, in a BatchRun (valid and ready
     * always high), against HwOps.gelu.
     */
    @Test
    void dsp18Exhaustive() {
        FixFormat in = DSP.act();
        int total = 1 << in.width();
        sweep(dsp, DSP, in, DSP.act(), LANES, total, i -> i - (total / 2));
    }

    /** Dense sweep of the published profile over [-8, 8) with step 2^-14 (every 2^8th raw value). */
    @Test
    void publishedDenseSweep() {
        FixFormat in = PUB.act();
        long lo = FixedRaw.fromDouble(-8, in);
        sweep(pub, PUB, in, PUB.act(), LANES, 1 << 18, i -> lo + (i << 8) + (i & 0xff));
    }

    /** A 1-lane unit swept densely over [-8, 8) (step 2^-12 of an SQ24.24 input, plus odd low bits). */
    @Test
    void oneLaneDenseSweep() {
        long lo = FixedRaw.fromDouble(-8, ACC_IN);
        sweep(accOne, DSP, ACC_IN, DSP.act(), 1, 1 << 16, i -> lo + (i << 12) + ((i * 2654435761L) & 0xfff));
    }

    static void sweep(SimModel model, Formats f, FixFormat in, FixFormat out, int lanes, int count,
                      java.util.function.LongUnaryOperator value) {
        int cycles = count / lanes;
        try (Sim sim = model.open()) {
            sim.reset();
            List<SimSignal> ins = new ArrayList<>();
            ins.add(sim.signal("io_input_valid"));
            ins.add(sim.signal("io_output_ready"));
            ins.addAll(RtlTestSupport.lanes(sim, "io_input_payload", lanes));
            List<SimSignal> outs = new ArrayList<>();
            outs.add(sim.signal("io_output_valid"));
            outs.addAll(RtlTestSupport.lanes(sim, "io_output_payload", lanes));
            int lat = GeluUnit.latency();
            BatchRun run = sim.batch(ins, outs, cycles + lat);
            for (int c = 0; c < cycles + lat; c++) {
                run.set(c, 0, c < cycles ? 1 : 0);
                run.set(c, 1, 1);
                for (int k = 0; k < lanes; k++) {
                    long x = c < cycles ? value.applyAsLong((long) c * lanes + k) : 0;
                    run.set(c, 2 + k, RtlTestSupport.mask(x, in.width()));
                }
            }
            run.run();
            int ow = out.width();
            for (int c = 0; c < cycles; c++) {
                // output valid right after the edge of cycle c + lat - 1
                int oc = c + lat - 1;
                assertEquals(1, run.get(oc, 0), "valid at cycle " + oc);
                long[] exp = new long[lanes];
                long[] got = new long[lanes];
                for (int k = 0; k < lanes; k++) {
                    long x = value.applyAsLong((long) c * lanes + k);
                    exp[k] = HwOps.gelu(x, in, out, f);
                    long raw = run.get(oc, 1 + k);
                    got[k] = (raw << (64 - ow)) >> (64 - ow);
                }
                if (!java.util.Arrays.equals(exp, got)) {
                    assertArrayEquals(exp, got, "cycle " + c + " first input " + value.applyAsLong((long) c * lanes));
                }
            }
        }
    }

    @Test
    void publishedTableMatchesGeneratedTable() {
        assertArrayEquals(GeluTable.published().values(), GeluTable.of(5, 5.5).values());
    }

    @Test
    void defaultIsLintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(GeluUnit::new, dir);
        assertTrue(true);
    }

    @Test
    void comesOutOfResetIdleFromRandomStateAndAfterAResetMidTraffic() {
        VerilatorReset.assertIdleAfterResetFromRandomState(dsp, 6);
        VerilatorReset.assertIdleAfterResetFromRandomState(pub, 3);
    }

    @Test
    void icarusControlOutputsKnownAfterReset(@TempDir Path dir) throws Exception {
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new GeluUnit(DSP, LANES), dir, 3);
    }
}
