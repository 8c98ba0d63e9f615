package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ErrorReportingTest {
    private static final SimModel COUNTER = ModelCompiler.compile(TestDesigns.counter());

    @Test
    void unknownSignalListsTheNearestNames() {
        try (Sim sim = COUNTER.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.poke("io_cont", 1));
            assertTrue(e.getMessage().contains("io_cont") && e.getMessage().contains("nearest: io_count"), e.getMessage());
        }
    }

    @Test
    void valuesWiderThanThePortAreRejected() {
        try (Sim sim = COUNTER.open()) {
            IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class, () -> sim.poke("io_step", 256));
            assertTrue(narrow.getMessage().contains("8-bit signal io_step"), narrow.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sim.poke("io_step", -129));
            assertThrows(IllegalArgumentException.class, () -> sim.poke("io_wide_in", BigInteger.ONE.shiftLeft(100)));
            assertThrows(IllegalArgumentException.class, () -> sim.signal("io_wide_in").pokeWords(0, 1L << 36));
            sim.poke("io_step", 255);
            sim.poke("io_step", -128);
            assertEquals(0x80, sim.peek("io_step"));
        }
    }

    @Test
    void outputsCannotBePoked() {
        try (Sim sim = COUNTER.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.poke("io_count", 1));
            assertTrue(e.getMessage().contains("output"), e.getMessage());
        }
    }

    @Test
    void useAfterCloseIsAnIllegalStateNotACrash() {
        Sim sim = COUNTER.open();
        SimSignal count = sim.signal("io_count");
        SimSignal en = sim.signal("io_en");
        sim.close();
        sim.close();
        assertTrue(sim.isClosed());
        assertThrows(IllegalStateException.class, count::peek);
        assertThrows(IllegalStateException.class, () -> en.poke(1));
        assertThrows(IllegalStateException.class, () -> sim.step(1));
        assertThrows(IllegalStateException.class, () -> sim.signal("io_en"));
        assertThrows(IllegalStateException.class, sim::eval);
    }

    @Test
    void verilogSyntaxErrorNamesFileAndLine() {
        SimBuildException e = assertThrows(SimBuildException.class,
            () -> ModelCompiler.compile(VerilogSources.of("SyntaxError", TestDesigns.resource("designs/SyntaxError.v"))));
        assertTrue(e.getMessage().contains("SyntaxError.v:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void missingVerilatorNamesTheInstallCommand() {
        SimBuildException e = assertThrows(SimBuildException.class,
            () -> Toolchain.discover("/nonexistent/bin/verilator", "g++"));
        assertTrue(e.getMessage().contains("apt-get install -y verilator"), e.getMessage());
    }

    @Test
    void waveformNeedsAModelBuiltForIt() {
        try (Sim sim = COUNTER.open()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sim.traceTo(java.nio.file.Path.of("target/never.vcd")));
            assertTrue(e.getMessage().contains("withWaveform"), e.getMessage());
        }
    }

    @Test
    void runUntilTimesOutWithTheCycle() {
        try (Sim sim = COUNTER.open()) {
            sim.reset();
            SimTimeoutException e = assertThrows(SimTimeoutException.class,
                () -> sim.runUntil(() -> sim.peek("io_count") == 5, 20));
            assertTrue(e.getMessage().contains("20 cycles"), e.getMessage());
            sim.poke("io_en", 1);
            sim.poke("io_step", 1);
            assertEquals(5, sim.runUntil(() -> sim.peek("io_count") == 5, 20));
        }
    }
}
