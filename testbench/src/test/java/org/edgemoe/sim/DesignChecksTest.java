package org.edgemoe.sim;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.sim.junit.RecordWaveform;
import org.edgemoe.sim.junit.SimExtension;
import org.edgemoe.sim.junit.SimSession;
import org.edgemoe.sim.stream.Scoreboard;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A design's assertAlways / report in Verilator, seen from Java; ports reached through the elaborated module's
 * fields with values in their own format.
 */
@ExtendWith(SimExtension.class)
class DesignChecksTest {
    static int assertLine;
    static int reportLine;

    /** Counts while io_en, wrapping at io_limit; promises never to pass 9 (true only for limit <= 9). */
    static final class Checked extends Module {
        final Bool en = in(Bool());
        final UInt limit = in(UInt(4));
        final Fix gain = in(SFix(2, 6));
        final UInt count = out(UInt(4));
        final Fix scaled = out(SFix(2, 6));
        final Bool nine = out(Bool());

        Checked() {
            UInt value = reg(UInt(4)).init(0).named("value");
            when(en, () -> {
                value.set(mux(value.eq(limit), U(0, 4), value.plus(1)));
                assertLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
                assertAlways(value.le(9), "value %d above 9 (limit %d)", value, limit);
                reportLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
                when(value.eq(2), () -> report("value=%d gain=%f", value, gain));
            });
            count.set(value);
            scaled.set(gain);
            nine.set(value.eq(9));
        }
    }

    @Test
    @RecordWaveform
    void aFailedAssertionStopsTheRunWithCycleMessageLineAndWaveform(SimSession sims) throws Exception {
        DesignSim<Checked> s = sims.open(Checked::new);
        Checked dut = s.dut();
        Sim sim = s.sim();
        sim.reset();                                 // cycles 0..2
        s.port(dut.limit).set(12);
        s.port(dut.en).set(true);
        SimAssertionError e = assertThrows(SimAssertionError.class, () -> sim.step(100));
        // cycle 3 samples value 0, so value 10 is sampled at cycle 13; the run stops after that cycle
        assertEquals(13, e.cycle());
        assertEquals(14, sim.cycle());
        assertEquals("DesignChecksTest.java:" + assertLine, e.where());
        Path vcd = sims.waveforms().get(0);
        assertEquals("assertion failed at cycle 13 in TOP.Checked: value 10 above 9 (limit 12) (DesignChecksTest.java:"
            + assertLine + "); waveform: " + vcd, e.getMessage());
        assertEquals(vcd, e.waveform().orElseThrow());
        assertTrue(Files.readString(vcd).contains("#26"), "the waveform is flushed up to the failing cycle");
        // reports of the run so far, formatted by the design
        assertEquals(List.of("[cycle 5] DesignChecksTest.java:" + reportLine + ": value=2 gain=0.000000"),
            sim.reports().stream().map(SimEvent::toString).toList());
    }

    @Test
    void aBatchedRunStopsAtTheFailureToo() {
        try (DesignSim<Checked> s = HdlSim.open(Checked::new)) {
            Checked dut = s.dut();
            Sim sim = s.sim();
            sim.onReport(e -> { });
            sim.reset();
            BatchRun batch = sim.batch(List.of(s.port(dut.en).signal(), s.port(dut.limit).signal()),
                List.of(s.port(dut.count).signal()), 50);
            for (int c = 0; c < 50; c++) {
                batch.set(c, 0, 1);
                batch.set(c, 1, c < 20 ? 9 : 15);   // limit 15 from batch cycle 20: value reaches 10 at cycle 30
            }
            SimAssertionError e = assertThrows(SimAssertionError.class, batch::run);
            // batch cycle 0 is cycle 3; the counter wraps at 9 until batch cycle 20 (value 0 at 20), then counts on
            assertEquals(3 + 30, e.cycle(), e.getMessage());
            assertEquals(3 + 31, sim.cycle());
            assertTrue(e.getMessage().contains("value 10 above 9 (limit 15)"), e.getMessage());
        }
    }

    @Test
    void reportsGoToTheSinkWithFixedPointValues() {
        try (DesignSim<Checked> s = HdlSim.open(Checked::new)) {
            Checked dut = s.dut();
            List<SimEvent> seen = new ArrayList<>();
            s.sim().onReport(seen::add);
            s.sim().reset();
            s.port(dut.limit).set(5);
            s.port(dut.gain).set(-0.75);
            s.port(dut.en).set(true);
            s.sim().step(20);   // limit 5 never breaks the promise; value 2 comes round three times
            assertEquals(3, seen.size(), seen.toString());
            assertEquals("value=2 gain=-0.750000", seen.get(0).message());
            assertEquals(SimEvent.Kind.REPORT, seen.get(0).kind());
            assertEquals("TOP.Checked", seen.get(0).scope());
            assertEquals(seen, s.sim().reports());
        }
    }

    @Test
    void portsByFieldInTheirOwnFormat() {
        try (DesignSim<Checked> s = HdlSim.open(Checked::new)) {
            Checked dut = s.dut();
            Sim sim = s.sim();
            s.port(dut.gain).set(-0.0703);               // SQ2.6: -4.4992 / 64 rounds to -4 / 64
            assertEquals(-0.0625, s.port(dut.scaled).toDouble());
            assertEquals("io_scaled = -0.0625 (raw 0xfc)", s.port(dut.scaled).toString());
            assertEquals(-4, s.port(dut.scaled).toFixed().raw().intValue());
            sim.poke(dut.gain, 1.5);
            assertEquals(0x60, s.port(dut.scaled).raw());
            IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> s.port(dut.gain).set(2.5));
            assertEquals("port io_gain: 2.5 does not fit SQ2.6 (-2.0 .. 1.984375)", range.getMessage());
            IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> s.port(dut.limit).set(-1));
            assertEquals("port io_limit is UInt(4): -1 is negative", neg.getMessage());
            sim.reset();
            sim.poke(dut.limit, 9);
            sim.poke(dut.en, true);
            assertEquals(9, sim.runUntil(dut.nine, 20));
            assertEquals(9, sim.peek(dut.count));
            sim.reset();
            sim.poke(dut.en, false);
            SimTimeoutException t = assertThrows(SimTimeoutException.class, () -> sim.runUntil(dut.nine, 3));
            assertTrue(t.getMessage().startsWith("timed out waiting for io_nine high: still false after 3 cycles"), t.getMessage());
        }
    }

    /** A FIFO of SQ2.14 samples, reached through its stream fields. */
    static final class FixQueue extends Module {
        static final FixFormat Q = FixFormat.sfix(2, 14);
        final Stream<Fix> input = slave(new Stream<>(Fix(Q)));
        final Stream<Fix> output = master(new Stream<>(Fix(Q)));

        FixQueue() {
            StreamFifo<Fix> fifo = instance(new StreamFifo<>(Fix(Q), 4));
            fifo.push.driveFrom(input);
            output.driveFrom(fifo.pop);
        }
    }

    @Test
    void streamAgentsAndScoreboardsSpeakThePayloadFormat() {
        try (DesignSim<FixQueue> s = HdlSim.open(FixQueue::new)) {
            FixQueue dut = s.dut();
            Sim sim = s.sim();
            sim.reset();
            StreamDriver in = new StreamDriver(sim, s.stream(dut.input), 1, 0.3);
            Scoreboard<Long> board = new Scoreboard<>("output");
            StreamMonitor out = new StreamMonitor(sim, s.stream(dut.output), 2, 0.3).check(board);
            double[] samples = {-0.0703, 0.5, -1.25, 1.999};
            for (double x : samples) in.enqueueReal(x);
            // signed lanes arrive sign-extended: the scoreboard holds raw numbers of the format
            board.expectAll(List.of(-1152L, 8192L, -20480L, 32752L));
            board.expect(-1151L);      // one more than the design will send, and wrong
            SimTimeoutException t = assertThrows(SimTimeoutException.class, () -> sim.runUntil(board.done(), 200));
            assertTrue(t.getMessage().startsWith("timed out waiting for scoreboard output to see all 5 expected outputs (4 seen)"),
                t.getMessage());
            assertEquals(-1.25, out.realBeats().get(2)[0]);
            AssertionError e = assertThrows(AssertionError.class, board::assertComplete);
            assertEquals("scoreboard output: only 4 of 5 outputs seen (last at cycle " + out.cycles().get(3)
                + "); next expected -0.0702515 (raw 0xfb81)", e.getMessage());
            Scoreboard<Long> wrong = new Scoreboard<>("again");
            wrong.expect(-1151L);
            new StreamMonitor(sim, s.stream(dut.output), 3, 0).check(wrong);
            in.enqueueReal(-0.0703);
            sim.runUntil(wrong.done(), 50);
            AssertionError m = assertThrows(AssertionError.class, wrong::assertComplete);
            assertTrue(m.getMessage().endsWith("index 0: expected -0.0702515 (raw 0xfb81) but was -0.0703125 (raw 0xfb80)"),
                m.getMessage());
        }
    }

    @Test
    void onlyTheTopsPortsAreReachableByField() {
        try (DesignSim<FixQueue> s = HdlSim.open(FixQueue::new)) {
            IllegalStateException closed = null;
            try (Sim plain = HdlSim.compile(FixQueue::new).open()) {
                closed = assertThrows(IllegalStateException.class, () -> plain.port(s.dut().input.valid));
            }
            assertTrue(closed.getMessage().contains("was opened from Verilog, not from an hdl-core design"), closed.getMessage());
            try (DesignSim<FixQueue> other = HdlSim.open(FixQueue::new)) {
                IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> other.port(s.dut().input.valid));
                assertTrue(foreign.getMessage().contains("not a port of the simulated top FixQueue"), foreign.getMessage());
            }
        }
    }
}
