package org.edgemoe.rtl.softmax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.model.hw.SoftmaxRow;
import org.edgemoe.rtl.gelu.RtlTestSupport;
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

/** StreamingSoftmax ({invSum, max} per row) and SoftmaxNormalize (probabilities) against HwOps.softmaxRow, bit-exact. */
class SoftmaxTest {
    static final int R = 2;
    static final Formats DSP = Formats.dsp18();
    static final Formats PUB = Formats.published();
    static SimModel statsDsp;
    static SimModel statsPub;
    static SimModel normDsp;
    static SimModel normPub;
    static int minRowDsp;
    static int minRowPub;

    @BeforeAll
    static void compile() {
        statsDsp = HdlSim.compile(() -> new StreamingSoftmax(DSP, DSP.act(), R, 2));
        statsPub = HdlSim.compile(() -> new StreamingSoftmax(PUB, PUB.act(), R, 1));
        normDsp = HdlSim.compile(() -> new SoftmaxNormalize(DSP, R));
        normPub = HdlSim.compile(() -> new SoftmaxNormalize(PUB, R));
        minRowDsp = dummy(DSP, 2).minRowLength();
        minRowPub = dummy(PUB, 1).minRowLength();
    }

    static StreamingSoftmax dummy(Formats f, int steps) {
        StreamingSoftmax[] s = new StreamingSoftmax[1];
        org.edgemoe.hdl.core.Elaboration.elaborate(() -> s[0] = new StreamingSoftmax(f, f.act(), 1, steps));
        return s[0];
    }

    /** rows.get(r)[lane][j]: R lanes of one row length. */
    static List<long[][]> randomRows(FixFormat fmt, int count, long seed, int maxLen) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long min = FixedRaw.minRaw(fmt);
        long max = FixedRaw.maxRaw(fmt);
        List<long[][]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = i < 7 ? i : rnd.nextInt(7);
            int len = switch (rnd.nextInt(5)) {
                case 0 -> 1;
                case 1 -> 2 + rnd.nextInt(3);
                case 2 -> 1 + rnd.nextInt(maxLen);
                default -> 5 + rnd.nextInt(30);
            };
            long[][] row = new long[R][len];
            for (int k = 0; k < R; k++) {
                long base = FixedRaw.fromDouble(rnd.nextDouble(-4, 4), fmt);
                for (int j = 0; j < len; j++) {
                    row[k][j] = switch (kind) {
                        case 0 -> FixedRaw.fromDouble(rnd.nextDouble(-8, 8), fmt);
                        case 1 -> base; // all equal
                        case 2 -> rnd.nextInt(3) == 0 ? min : (rnd.nextInt(2) == 0 ? max : rnd.nextLong(min, max + 1));
                        case 3 -> FixedRaw.fromDouble(rnd.nextBoolean() ? 100 : -100, fmt) + rnd.nextInt(1000); // exp underflows
                        case 4 -> Math.min(max, base + j * (long) rnd.nextInt(1 << fmt.fracBits())); // rising: rescale path
                        case 5 -> Math.max(min, base - j * (long) rnd.nextInt(1 << fmt.fracBits())); // falling
                        default -> base + rnd.nextInt(64) - 32; // near ties
                    };
                }
            }
            rows.add(row);
        }
        return rows;
    }

    static void statsRun(SimModel model, Formats f, List<long[][]> rows, long seed, double inStall, double outStall) {
        FixFormat fmt = f.act();
        try (Sim sim = model.open()) {
            sim.reset();
            List<SimSignal> in = new ArrayList<>(RtlTestSupport.lanes(sim, "io_input_payload_score", R));
            in.add(sim.signal("io_input_payload_last"));
            List<SimSignal> out = new ArrayList<>(RtlTestSupport.lanes(sim, "io_output_payload_invSum", R));
            out.addAll(RtlTestSupport.lanes(sim, "io_output_payload_max", R));
            StreamDriver drv = new StreamDriver(sim, StreamPorts.of(sim, "input", in), seed, inStall);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "output", out), seed + 1, outStall).allSigned();
            List<long[]> expected = new ArrayList<>();
            long beats = 0;
            for (long[][] row : rows) {
                int len = row[0].length;
                for (int j = 0; j < len; j++) {
                    long[] beat = new long[R + 1];
                    for (int k = 0; k < R; k++) {
                        beat[k] = row[k][j];
                    }
                    beat[R] = j == len - 1 ? 1 : 0;
                    drv.enqueue(beat);
                    beats++;
                }
                long[] e = new long[2 * R];
                for (int k = 0; k < R; k++) {
                    SoftmaxRow g = HwOps.softmaxRow(row[k], fmt, f);
                    e[k] = g.invSum();
                    e[R + k] = g.max();
                }
                expected.add(e);
            }
            sim.runUntil(() -> mon.receivedCount() >= expected.size(), 40 * beats + 40L * rows.size() + 100);
            sim.step(30);
            List<long[]> got = mon.beats();
            assertEquals(expected.size(), got.size(), "rows out");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), got.get(i), "row " + i + " (length " + rows.get(i)[0].length
                        + ", lane 0 " + java.util.Arrays.toString(java.util.Arrays.copyOf(rows.get(i)[0], Math.min(8, rows.get(i)[0].length))) + ")");
            }
        }
    }

    static void normRun(SimModel model, Formats f, List<long[][]> rows, long seed, double inStall, double outStall) {
        FixFormat fmt = f.act();
        try (Sim sim = model.open()) {
            sim.reset();
            List<SimSignal> st = new ArrayList<>(RtlTestSupport.lanes(sim, "io_stats_payload_invSum", R));
            st.addAll(RtlTestSupport.lanes(sim, "io_stats_payload_max", R));
            List<SimSignal> sc = new ArrayList<>(RtlTestSupport.lanes(sim, "io_scores_payload_score", R));
            sc.add(sim.signal("io_scores_payload_last"));
            List<SimSignal> out = new ArrayList<>(RtlTestSupport.lanes(sim, "io_probs_payload_prob", R));
            out.add(sim.signal("io_probs_payload_last"));
            boolean[] signed = RtlTestSupport.allSigned(R + 1);
            signed[R] = false;
            StreamDriver stats = new StreamDriver(sim, StreamPorts.of(sim, "stats", st), seed, inStall);
            StreamDriver scores = new StreamDriver(sim, StreamPorts.of(sim, "scores", sc), seed + 7, inStall);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "probs", out), seed + 1, outStall).signed(signed);
            List<long[]> expected = new ArrayList<>();
            for (long[][] row : rows) {
                int len = row[0].length;
                SoftmaxRow[] g = new SoftmaxRow[R];
                long[] s = new long[2 * R];
                for (int k = 0; k < R; k++) {
                    g[k] = HwOps.softmaxRow(row[k], fmt, f);
                    s[k] = g[k].invSum();
                    s[R + k] = g[k].max();
                }
                stats.enqueue(s);
                for (int j = 0; j < len; j++) {
                    long[] beat = new long[R + 1];
                    long[] e = new long[R + 1];
                    for (int k = 0; k < R; k++) {
                        beat[k] = row[k][j];
                        e[k] = g[k].probs()[j];
                    }
                    beat[R] = j == len - 1 ? 1 : 0;
                    e[R] = beat[R];
                    scores.enqueue(beat);
                    expected.add(e);
                }
            }
            sim.runUntil(() -> mon.receivedCount() >= expected.size(), 20L * expected.size() + 100);
            sim.step(20);
            List<long[]> got = mon.beats();
            assertEquals(expected.size(), got.size(), "beats out");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), got.get(i), "beat " + i);
            }
        }
    }

    @Test
    void statsDsp18RandomRowsWithStalls() {
        statsRun(statsDsp, DSP, randomRows(DSP.act(), 300, 21, 60), 21, 0.3, 0.3);
    }

    @Test
    void statsPublishedRandomRowsWithStalls() {
        statsRun(statsPub, PUB, randomRows(PUB.act(), 300, 22, 60), 22, 0.3, 0.3);
    }

    @Test
    void statsLongRowsNoStalls() {
        statsRun(statsDsp, DSP, randomRows(DSP.act(), 20, 23, 250), 23, 0, 0);
        statsRun(statsPub, PUB, randomRows(PUB.act(), 20, 24, 250), 24, 0, 0);
    }

    @Test
    void normalizeDsp18RandomRowsWithStalls() {
        normRun(normDsp, DSP, randomRows(DSP.act(), 300, 31, 60), 31, 0.3, 0.3);
    }

    @Test
    void normalizePublishedRandomRowsWithStalls() {
        normRun(normPub, PUB, randomRows(PUB.act(), 300, 32, 60), 32, 0.3, 0.3);
    }

    /** Cycles to accept {@code rows} rows of {@code len} beats with no stalls. */
    static long inputCycles(SimModel model, int rowsCount, int len) {
        try (Sim sim = model.open()) {
            sim.reset();
            List<SimSignal> in = new ArrayList<>(RtlTestSupport.lanes(sim, "io_input_payload_score", R));
            in.add(sim.signal("io_input_payload_last"));
            List<SimSignal> out = new ArrayList<>(RtlTestSupport.lanes(sim, "io_output_payload_invSum", R));
            StreamDriver drv = new StreamDriver(sim, StreamPorts.of(sim, "input", in), 5, 0);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "output", out), 6, 0).allSigned();
            for (int r = 0; r < rowsCount; r++) {
                for (int j = 0; j < len; j++) {
                    drv.enqueue(j, -j, j == len - 1 ? 1 : 0);
                }
            }
            long start = sim.cycle();
            sim.runUntil(drv::isIdle, 100L * rowsCount * len + 100);
            long cycles = sim.cycle() - start;
            sim.runUntil(() -> mon.receivedCount() >= rowsCount, 1000);
            assertEquals(rowsCount, mon.receivedCount());
            return cycles;
        }
    }

    @Test
    void fullThroughputForRowsOfMinimumLength() {
        int n = 50;
        assertEquals((long) n * minRowDsp, inputCycles(statsDsp, n, minRowDsp), "dsp18, rows of " + minRowDsp);
        assertEquals((long) n * minRowPub, inputCycles(statsPub, n, minRowPub), "published, rows of " + minRowPub);
        long c1 = inputCycles(statsDsp, n, 1);
        System.out.println("THROUGHPUT dsp18 rows of 1: " + (double) c1 / n + " cycles/row; min row length "
                + minRowDsp + " (dsp18, 2 bits/cycle), " + minRowPub + " (published, 1 bit/cycle)");
        // steady state: one length-1 row every minRowLength cycles (the 3 pipeline stages absorb the first rows)
        org.junit.jupiter.api.Assertions.assertTrue(c1 >= (long) (n - 4) * minRowDsp && c1 <= (long) n * minRowDsp,
                "rows of 1: " + c1 + " cycles for " + n + " rows");
    }

    @Test
    void normalizeFullThroughput() {
        try (Sim sim = normDsp.open()) {
            sim.reset();
            List<SimSignal> st = new ArrayList<>(RtlTestSupport.lanes(sim, "io_stats_payload_invSum", R));
            st.addAll(RtlTestSupport.lanes(sim, "io_stats_payload_max", R));
            List<SimSignal> sc = new ArrayList<>(RtlTestSupport.lanes(sim, "io_scores_payload_score", R));
            sc.add(sim.signal("io_scores_payload_last"));
            StreamDriver stats = new StreamDriver(sim, StreamPorts.of(sim, "stats", st), 1, 0);
            StreamDriver scores = new StreamDriver(sim, StreamPorts.of(sim, "scores", sc), 2, 0);
            StreamMonitor mon = new StreamMonitor(sim,
                    StreamPorts.of(sim, "probs", StreamPorts.lanes(sim, "io_probs_payload_prob", R)), 3, 0).allSigned();
            int n = 300;
            for (int i = 0; i < n; i++) {
                if (i % 3 == 0) {
                    stats.enqueue(1 << 16, 1 << 16, 0, 0);
                }
                scores.enqueue(-i, -2 * i, i % 3 == 2 ? 1 : 0);
            }
            long start = sim.cycle();
            sim.runUntil(() -> mon.receivedCount() >= n, 10L * n);
            assertEquals(SoftmaxNormalize.LATENCY, mon.cycles().get(0) - start, "latency");
            assertEquals(n - 1, mon.cycles().get(n - 1) - mon.cycles().get(0), "one beat per cycle");
        }
    }

    @Test
    void defaultsAreLintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(StreamingSoftmax::new, dir.resolve("stats"));
        RtlTestSupport.assertLintClean(SoftmaxNormalize::new, dir.resolve("norm"));
    }

    @Test
    void comesOutOfResetIdleFromRandomStateAndAfterAResetMidTraffic() {
        VerilatorReset.assertIdleAfterResetFromRandomState(statsDsp, 6);
        VerilatorReset.assertIdleAfterResetFromRandomState(statsPub, 3);
        VerilatorReset.assertIdleAfterResetFromRandomState(normDsp, 6);
        VerilatorReset.assertIdleAfterResetFromRandomState(normPub, 3);
    }

    @Test
    void icarusControlOutputsKnownAfterReset(@TempDir Path dir) throws Exception {
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new StreamingSoftmax(DSP, DSP.act(), R, 2), dir.resolve("stats"), 3);
        IcarusReset.assertComesOutOfResetKnownAndIdle(() -> new SoftmaxNormalize(DSP, R), dir.resolve("norm"), 4);
    }
}
