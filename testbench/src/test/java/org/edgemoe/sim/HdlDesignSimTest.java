package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.QueueExample;
import org.edgemoe.hdl.examples.SystolicArray;
import org.edgemoe.sim.stream.Scoreboard;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.junit.jupiter.api.Test;

/** The hdl-core example designs, emitted by hdl-core and compiled straight from Java (HdlSim). */
class HdlDesignSimTest {

    @Test
    void emittedBenchmarkDesignComputesTheMatrixProductWithStalls() {
        int n = 16;
        int k = 32;
        Random random = new Random(21);
        byte[][] a = SystolicHarness.randomMatrix(random, n, k);
        byte[][] b = SystolicHarness.randomMatrix(random, k, n);
        int[][] expected = SystolicHarness.multiply(a, b);
        try (Sim sim = HdlSim.compile(() -> new SystolicArray(n)).open()) {
            sim.reset();
            SystolicHarness array = new SystolicHarness(sim, n);
            array.feed(a, b, 0, array.steps(k), new Random(22), 0.25);
            int[][] actual = array.readAll();
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], actual[i], "row " + i);
            }
            assertEquals(SystolicHarness.xorAll(expected), array.checksum());
        }
    }

    @Test
    void counterWrapsAndPulses() {
        try (Sim sim = HdlSim.compile(() -> new CounterExample(4)).open()) {
            sim.reset();
            sim.poke("io_enable", 1);
            int pulses = 0;
            for (int c = 0; c < 40; c++) {
                sim.eval();
                pulses += (int) sim.peek("io_wrapped");
                assertEquals(c % 16, sim.peek("io_count"), "cycle " + c);
                sim.step();
            }
            assertEquals(2, pulses, "a 4-bit counter wraps twice in 40 cycles");
        }
    }

    @Test
    void queueExampleKeepsOrderUnderRandomStalls() {
        List<Long> data = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            data.add((long) random.nextInt(1 << 16));
        }
        Scoreboard<Long> scoreboard = new Scoreboard<>("output");
        scoreboard.expectAll(data);
        try (Sim sim = HdlSim.compile(QueueExample::new).open()) {
            sim.reset();
            StreamDriver driver = new StreamDriver(sim, "io_input", 1, 0.3);
            StreamMonitor monitor = new StreamMonitor(sim, "io_output", 2, 0.4, scoreboard);
            driver.enqueueAll(data);
            sim.runUntil(scoreboard::allSeen, 20_000);
            scoreboard.assertComplete();
            assertEquals(data, monitor.received());
            assertTrue(driver.stallCycles() > 0 && monitor.stallCycles() > 0, "both sides stalled");
        }
    }
}
