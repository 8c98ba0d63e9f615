package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CounterTest {
    private static final SimModel COUNTER = ModelCompiler.compile(TestDesigns.counter());

    @Test
    void countsEnabledCyclesByStep() {
        try (Sim sim = COUNTER.open()) {
            sim.reset();
            assertEquals(0, sim.peek("io_count"));
            sim.poke("io_en", 1);
            sim.poke("io_step", 3);
            sim.step(10);
            assertEquals(30, sim.peek("io_count"));
            sim.poke("io_en", 0);
            sim.step(5);
            assertEquals(30, sim.peek("io_count"));
            assertEquals(Sim.DEFAULT_RESET_CYCLES + 10 + 5, sim.cycle());
        }
    }

    @Test
    void handlesPeekInternalPublicRegister() {
        try (Sim sim = COUNTER.open()) {
            sim.reset();
            SimSignal en = sim.signal("io_en");
            SimSignal step = sim.signal("io_step");
            SimSignal count = sim.signal("count");
            assertEquals(Direction.INTERNAL, count.direction());
            en.poke(true);
            step.poke(255);
            sim.step(300);
            assertEquals((300 * 255) & 0xFFFF, count.peek());
            assertTrue(sim.signalNames().contains("count"));
            SimSignal parity = sim.signal("u_parity.parity_q");
            sim.step();
            // parity_q registered the parity of the count before this edge
            assertEquals(Long.bitCount(((301 - 1) * 255) & 0xFFFF) & 1, parity.peek());
        }
    }

    @Test
    void widePortsRoundTripAsBigIntegerAndWords() {
        try (Sim sim = COUNTER.open()) {
            sim.reset();
            BigInteger value = BigInteger.ONE.shiftLeft(99).or(BigInteger.valueOf(0x1234_5678_9ABCL)).or(BigInteger.ONE.shiftLeft(70));
            sim.poke("io_wide_in", value);
            assertEquals(value, sim.peekBig("io_wide_out"));
            SimSignal in = sim.signal("io_wide_in");
            in.pokeWords(0xFFFF_FFFF_FFFF_FFFFL, 0xF_FFFF_FFFFL);
            long[] out = sim.signal("io_wide_out").peekWords(new long[2]);
            assertEquals(-1L, out[0]);
            assertEquals(0xF_FFFF_FFFFL, out[1]);
        }
    }

    @Test
    void fixedPointPortsAsDouble() {
        try (Sim sim = COUNTER.open()) {
            SimSignal in = sim.signal("io_fix_in");
            SimSignal half = sim.signal("io_fix_half");
            in.pokeFixed(-3.5, 8);
            assertEquals(-1.75, half.peekFixed(8), 1e-9);
            in.pokeFixed(100.25, 8);
            assertEquals(50.125, half.peekFixed(8), 1e-9);
            assertEquals(0x6440, in.peek());
            in.poke(-1);
            assertEquals(0xFFFF, in.peek());
            assertEquals(-1, half.peekSigned());
        }
    }
}
