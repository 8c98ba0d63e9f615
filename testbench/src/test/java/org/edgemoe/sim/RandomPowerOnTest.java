package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.edgemoe.hdl.examples.CounterExample;
import org.junit.jupiter.api.Test;

/** SimModel.openRandomised: registers power on with seeded random values; reset still clears them. */
class RandomPowerOnTest {

    @Test
    void registersStartRandomPerSeedAndResetClearsThem() {
        SimModel model = HdlSim.compile(() -> new CounterExample(8));
        Set<Long> seen = new HashSet<>();
        for (int seed = 1; seed <= 8; seed++) {
            long first;
            try (Sim sim = model.openRandomised(seed)) {
                sim.eval();
                first = sim.peek("io_count");
                seen.add(first);
                sim.reset();
                sim.eval();
                assertEquals(0, sim.peek("io_count"), "seed " + seed + " after reset");
            }
            try (Sim again = model.openRandomised(seed)) {
                again.eval();
                assertEquals(first, again.peek("io_count"), "seed " + seed + " is reproducible");
            }
        }
        assertTrue(seen.size() >= 4, "8 seeds gave only " + seen + " as power-on values of an 8-bit register");
        try (Sim zero = model.open()) {
            zero.eval();
            assertEquals(0, zero.peek("io_count"), "open() powers on at zero");
        }
        assertThrows(IllegalArgumentException.class, () -> model.openRandomised(0));
    }
}
