package org.edgemoe.sim.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.ModelCompiler;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.VerilogSources;
import org.junit.jupiter.api.Test;

/** Stream agents on payloads of several signals and wider than 64 bits. */
class WideStreamHelpersTest {
    private static final SimModel WIDE = ModelCompiler.compile(VerilogSources.of("WideFifo", resource("designs/WideFifo.v")));
    private static final SimModel LANES = ModelCompiler.compile(VerilogSources.of("LaneFifo", resource("designs/LaneFifo.v")));

    private static java.nio.file.Path resource(String name) {
        try {
            return java.nio.file.Path.of(WideStreamHelpersTest.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BigInteger> bigValues(int count, int bits, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BigInteger> values = new ArrayList<>();
        values.add(BigInteger.ZERO);
        values.add(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        values.add(BigInteger.ONE.shiftLeft(bits - 1));
        values.add(BigInteger.ONE.shiftLeft(64));
        while (values.size() < count) {
            BigInteger v = BigInteger.ZERO;
            for (int b = 0; b < bits; b += 32) v = v.shiftLeft(32).or(BigInteger.valueOf(random.nextLong(1L << 32)));
            values.add(v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
        }
        return values;
    }

    @Test
    void hundredBitPayloadPassesAsBigIntegerUnderRandomStalls() {
        List<BigInteger> data = bigValues(300, 100, 1);
        Scoreboard<BigInteger> board = new Scoreboard<>("pop");
        board.expectAll(data);
        board.expect(BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE)); // -1 below, as 100-bit two's complement
        try (Sim sim = WIDE.open()) {
            sim.reset();
            StreamDriver driver = new StreamDriver(sim, "push", 2, 0.3);
            StreamMonitor monitor = new StreamMonitor(sim, StreamPorts.of(sim, "pop"), 3, 0.5).checkBig(board);
            assertEquals(100, driver.ports().width());
            driver.enqueueAllBig(data);
            driver.enqueue(BigInteger.ONE.negate());
            long cycles = sim.runUntil(board::allSeen, 10_000);
            board.assertComplete();
            assertEquals(301, driver.sent());
            assertEquals(301, monitor.receivedCount());
            assertEquals(data, monitor.receivedBig().subList(0, 300));
            assertEquals(301, monitor.cycles().size());
            assertTrue(driver.stallCycles() > 0 && monitor.stallCycles() > 0, "both sides must have stalled");
            assertTrue(cycles > 301 * 1.5, "stalls must cost cycles, took " + cycles);
            assertThrows(IllegalStateException.class, monitor::received, "a 100-bit payload is no long");
            assertThrows(IllegalStateException.class, monitor::beats);
            assertThrows(IllegalArgumentException.class, () -> driver.enqueue(BigInteger.ONE.shiftLeft(100)));
        }
    }

    @Test
    void lanesAreDiscoveredInNaturalOrderAndConcatenatedLaneZeroLowest() {
        try (Sim sim = LANES.open()) {
            sim.reset();
            StreamPorts push = StreamPorts.of(sim, "push");
            assertEquals(List.of("io_push_payload_0", "io_push_payload_1", "io_push_payload_2", "io_push_payload_10"),
                push.lanes().stream().map(SimSignal::name).toList());
            assertEquals(12 + 1 + 64 + 100, push.width());
            assertThrows(IllegalStateException.class, push::payload, "several signals: no single payload");

            List<BigInteger> data = bigValues(300, push.width(), 4);
            Scoreboard<BigInteger> board = new Scoreboard<>("pop");
            board.expectAll(data);
            StreamDriver driver = new StreamDriver(sim, push, 5, 0.3);
            StreamMonitor monitor = new StreamMonitor(sim, StreamPorts.of(sim, "pop"), 6, 0.4).checkBig(board);
            driver.enqueueAllBig(data);
            sim.runUntil(board::allSeen, 10_000);
            board.assertComplete();
            // lane 0 holds the lowest 12 bits, lane 10 the top 100
            BigInteger last = data.get(data.size() - 1);
            assertEquals(last.and(BigInteger.valueOf(0xfff)).longValueExact(), sim.peek("io_push_payload_0"));
            assertEquals(last.shiftRight(77), sim.peekBig("io_push_payload_10"));
            assertEquals(300, monitor.receivedCount());
            assertThrows(IllegalArgumentException.class, () -> driver.enqueue(5L), "one value for four signals");
        }
    }

    @Test
    void explicitLanesCarryLongBeatsWithSignedLanes() {
        SplittableRandom random = new SplittableRandom(7);
        List<long[]> data = new ArrayList<>();
        data.add(new long[] {-2048, 1, Long.MIN_VALUE});
        data.add(new long[] {2047, 0, -1});
        while (data.size() < 400) {
            data.add(new long[] {random.nextLong(-2048, 2048), random.nextInt(2), random.nextLong()});
        }
        Scoreboard<long[]> board = new Scoreboard<>("pop");
        board.expectAll(data);
        try (Sim sim = LANES.open()) {
            sim.reset();
            StreamDriver driver = new StreamDriver(sim,
                StreamPorts.of(sim, "push", StreamPorts.lanes(sim, "io_push_payload", 3)), 8, 0.3);
            StreamMonitor monitor = new StreamMonitor(sim,
                StreamPorts.of(sim, "io_pop", StreamPorts.lanes(sim, "io_pop_payload", 3)), 9, 0.5)
                .signed(true, false, true).checkBeats(board);
            driver.enqueueBeats(data);
            sim.runUntil(board::allSeen, 10_000);
            board.assertComplete();
            List<long[]> beats = monitor.beats();
            assertEquals(400, beats.size());
            for (int i = 0; i < data.size(); i++) {
                assertEquals(Arrays.toString(data.get(i)), Arrays.toString(beats.get(i)), "beat " + i);
            }
            // unsigned view of the same beats
            assertEquals(BigInteger.valueOf(2048 | 1 << 12).or(BigInteger.ONE.shiftLeft(76)), monitor.receivedBig().get(0));
            assertThrows(IllegalArgumentException.class, () -> driver.enqueue(4096, 0, 0), "12-bit lane overflows");
            assertThrows(IllegalArgumentException.class, () -> driver.enqueue(-2049, 0, 0), "12-bit lane underflows");
            assertThrows(IllegalArgumentException.class, () -> driver.enqueue(0, 2, 0), "1-bit lane overflows");
        }
    }

    @Test
    void arrayScoreboardReportsTheFirstMismatchByContent() {
        Scoreboard<long[]> board = new Scoreboard<>("beats");
        board.expectAll(List.of(new long[] {1, 2}, new long[] {3, 4}, new long[] {5, 6}));
        board.actual(10, new long[] {1, 2});
        board.actual(11, new long[] {3, -4});
        board.actual(12, new long[] {5, 7});
        Scoreboard.Mismatch first = board.firstMismatch().orElseThrow();
        assertEquals(1, first.index());
        assertEquals(11, first.cycle());
        AssertionError error = assertThrows(AssertionError.class, board::assertComplete);
        assertTrue(error.getMessage().contains("cycle 11, index 1: expected [3, 4] but was [3, -4]"), error.getMessage());

        Scoreboard<BigInteger> big = new Scoreboard<>("wide");
        big.expect(BigInteger.ONE.shiftLeft(99));
        big.actual(3, BigInteger.ZERO);
        error = assertThrows(AssertionError.class, big::assertComplete);
        assertTrue(error.getMessage().contains("(0x8" + "0".repeat(24) + ")"), error.getMessage());
    }

    @Test
    void naturalOrderComparesDigitRunsByValue() {
        List<String> names = new ArrayList<>(List.of("p_10", "p_2", "p_1_3", "p_1_10", "p_0", "p_last", "p_1"));
        names.sort(StreamPorts.NATURAL_ORDER);
        assertEquals(List.of("p_0", "p_1", "p_1_3", "p_1_10", "p_2", "p_10", "p_last"), names);
    }
}
