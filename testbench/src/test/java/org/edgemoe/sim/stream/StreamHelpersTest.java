package org.edgemoe.sim.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.ModelCompiler;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.VerilogSources;
import org.junit.jupiter.api.Test;

class StreamHelpersTest {
    private static final SimModel FIFO = ModelCompiler.compile(VerilogSources.of("StreamFifo",
        resource("designs/StreamFifo.v")));

    private static java.nio.file.Path resource(String name) {
        try {
            return java.nio.file.Path.of(StreamHelpersTest.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> payloads(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < count; i++) values.add((long) random.nextInt(1 << 16));
        return values;
    }

    @Test
    void fifoPassesEveryPayloadInOrderUnderRandomStalls() {
        List<Long> data = payloads(400, 1);
        Scoreboard<Long> scoreboard = new Scoreboard<>("pop");
        scoreboard.expectAll(data);
        try (Sim sim = FIFO.open()) {
            sim.reset();
            StreamDriver driver = new StreamDriver(sim, "push", 2, 0.3);
            StreamMonitor monitor = new StreamMonitor(sim, "io_pop", 3, 0.5, scoreboard);
            driver.enqueueAll(data);
            long cycles = sim.runUntil(scoreboard::allSeen, 10_000);
            scoreboard.assertComplete();
            assertEquals(data, monitor.received());
            assertEquals(400, driver.sent());
            assertTrue(driver.stallCycles() > 0 && monitor.stallCycles() > 0, "both sides must have stalled");
            assertTrue(cycles > 400 * 1.5, "stalls must cost cycles, took " + cycles);
        }
    }

    @Test
    void scoreboardReportsTheFirstMismatchWithCycleIndexAndValues() {
        List<Long> data = payloads(100, 4);
        List<Long> wrong = new ArrayList<>(data);
        wrong.set(37, data.get(37) ^ 0x100);
        wrong.set(60, data.get(60) ^ 0x1);
        Scoreboard<Long> scoreboard = new Scoreboard<>("pop");
        scoreboard.expectAll(wrong);
        try (Sim sim = FIFO.open()) {
            sim.reset();
            new StreamDriver(sim, "push", 5, 0.2).enqueueAll(data);
            new StreamMonitor(sim, "pop", 6, 0.2, scoreboard);
            sim.runUntil(scoreboard::allSeen, 5_000);
            Scoreboard.Mismatch first = scoreboard.firstMismatch().orElseThrow();
            assertEquals(37, first.index());
            assertEquals(wrong.get(37), first.expected());
            assertEquals(data.get(37), first.actual());
            assertTrue(first.cycle() >= 37 + 2 + Sim.DEFAULT_RESET_CYCLES, "cycle " + first.cycle());
            AssertionError error = assertThrows(AssertionError.class, scoreboard::assertComplete);
            assertTrue(error.getMessage().contains("index 37") && error.getMessage().contains("cycle " + first.cycle()),
                error.getMessage());
        }
    }

    @Test
    void scoreboardReportsMissingOutputs() {
        Scoreboard<Long> scoreboard = new Scoreboard<>("pop");
        scoreboard.expectAll(List.of(1L, 2L, 3L));
        scoreboard.actual(10, 1L);
        AssertionError error = assertThrows(AssertionError.class, scoreboard::assertComplete);
        assertTrue(error.getMessage().contains("only 1 of 3"), error.getMessage());
    }
}
