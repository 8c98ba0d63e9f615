package org.edgemoe.sim.formal;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.StreamFifo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hdl-core's StreamFifo proven with Yosys: a harness pushes a running token number (so a lost, duplicated or
 * reordered word shows as a wrong number at the output) under free push-valid / pop-ready inputs, and counts what
 * went in and out.
 */
class StreamFifoFormalTest {
    static int neverFullLine;

    @BeforeAll
    static void yosys() {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("yosys"), "yosys is not installed: sudo apt-get install -y yosys");
    }

    /** The property harness. {@code order}: check every popped token; {@code wrong}: also claim it is never full. */
    static final class FifoHarness extends Module {
        final Bool pushValid = in(Bool());
        final Bool popReady = in(Bool());
        final UInt occupancy;

        FifoHarness(int depth, boolean order, boolean wrong) {
            int w = log2Up(depth) + 2;   // token numbers wrap far from the FIFO's depth
            StreamFifo<UInt> fifo = instance(new StreamFifo<>(UInt(w), depth));
            occupancy = out(UInt(fifo.occupancy.width()));
            occupancy.set(fifo.occupancy);
            UInt pushed = reg(UInt(w)).init(0).named("pushed");
            UInt popped = reg(UInt(w)).init(0).named("popped");
            fifo.push.valid.set(pushValid);
            fifo.push.payload.set(pushed);
            fifo.pop.ready.set(popReady);
            when(fifo.push.fire(), () -> pushed.set(pushed.plus(1)));
            when(fifo.pop.fire(), () -> popped.set(popped.plus(1)));
            UInt inFlight = pushed.minus(popped).named("inFlight");

            assertAlways(inFlight.le(depth).and(fifo.occupancy.resize(w).eq(inFlight)),
                    "occupancy %d but %d tokens in flight", fifo.occupancy, inFlight);
            assertAlways(fifo.pop.valid.eq(inFlight.ne(0)), "pop valid %d with %d tokens in flight", fifo.pop.valid, inFlight);
            assertAlways(fifo.push.ready.eq(inFlight.ne(depth)), "push ready %d with %d of the %d places taken",
                    fifo.push.ready, inFlight, U(depth, w));
            if (order) {
                when(fifo.pop.valid, () -> assertAlways(fifo.pop.payload.eq(popped),
                        "pops token %d where %d is next: a word lost, duplicated or out of order", fifo.pop.payload, popped));
            }
            if (wrong) {
                neverFullLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
                assertAlways(inFlight.lt(depth), "never full (wrong: a FIFO does fill)");
            }
        }
    }

    @Test
    void occupancyAndHandshakeAreProvenByInduction() {
        FormalResult r = Formal.of(() -> new FifoHarness(4, false, false)).prove(10);
        r.assertProven();
        assertTrue(r.steps() <= 10, r.toString());
        System.out.println("FORMAL fifo4.induction " + r.steps() + " steps " + String.format("%.2f", r.seconds()) + " s");
    }

    @Test
    void noLossNoDuplicationOrderKeptWithinTheBound() {
        // depth 4: 12 cycles after reset reach every fill level, fill and drain it, and wrap both pointers
        FormalResult r = Formal.of(() -> new FifoHarness(4, true, false)).bounded(12);
        r.assertNoCounterexample();
        assertEquals(FormalResult.Status.BOUNDED, r.status());
        assertEquals(12, r.steps());
        System.out.println("FORMAL fifo4.order.bmc12 " + String.format("%.2f", r.seconds()) + " s");
        // a depth that is not a power of two (pointers wrap by compare)
        Formal.of(() -> new FifoHarness(3, true, false)).bounded(10).assertNoCounterexample();
    }

    @Test
    void aWrongPropertyGivesACounterexampleWaveform() throws Exception {
        FormalResult r = Formal.of(() -> new FifoHarness(4, false, true)).prove(10);
        assertEquals(FormalResult.Status.FAILED, r.status(), r.toString());
        // reset, then four pushes fill it: the fifth cycle after reset sees it full
        assertEquals(6, r.steps(), r.toString());
        assertEquals(1, r.failed().size(), r.toString());
        assertEquals("never full (wrong: a FIFO does fill)", r.failed().get(0).message());
        assertEquals("StreamFifoFormalTest.java:" + neverFullLine, r.failed().get(0).where());
        Path vcd = r.counterexample().orElseThrow();
        String trace = Files.readString(vcd);
        assertTrue(trace.contains("io_pushValid") && trace.contains("pushed") && trace.contains(r.failed().get(0).wire()), trace);
        FormalFailure f = assertThrows(FormalFailure.class, r::assertProven);
        assertTrue(f.getMessage().contains("counterexample of 6 cycles (reset first): [never full (wrong: a FIFO does fill) (StreamFifoFormalTest.java:"
                + neverFullLine + ")]; waveform: " + vcd), f.getMessage());
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
