package org.example.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.sim.DesignSim;
import org.edgemoe.sim.junit.SimExtension;
import org.edgemoe.sim.junit.SimSession;
import org.edgemoe.sim.stream.Scoreboard;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The filter in Verilator against a Java model, with random stalls on both streams. */
@ExtendWith(SimExtension.class)
class MovingAverageTest {
    static final int TAPS = 4;

    /** The reference: the mean of the last TAPS raw samples, rounded half up (ties towards +infinity). */
    static List<Long> expected(List<Long> raw) {
        List<Long> out = new ArrayList<>();
        for (int n = TAPS - 1; n < raw.size(); n++) {
            long sum = 0;
            for (int k = 0; k < TAPS; k++) sum += raw.get(n - k);
            out.add(Math.floorDiv(sum + TAPS / 2, TAPS));
        }
        return out;
    }

    @Test
    void averagesUnderStalls(SimSession sims) {
        DesignSim<MovingAverage> s = sims.open(() -> new MovingAverage(TAPS));
        MovingAverage dut = s.dut();
        s.sim().reset();
        SplittableRandom random = new SplittableRandom(7);
        FixFormat q = MovingAverage.SAMPLE;
        List<Long> raw = new ArrayList<>();
        StreamDriver in = new StreamDriver(s.sim(), s.stream(dut.input), 1, 0.3);
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble(-1, 1);
            in.enqueueReal(x);
            raw.add(Math.round(x * (1 << q.fracBits())));
        }
        Scoreboard<Long> board = new Scoreboard<>("output");
        board.expectAll(expected(raw));
        new StreamMonitor(s.sim(), s.stream(dut.output), 2, 0.3).check(board);
        s.sim().runUntil(board.done(), 2_000);
        board.assertComplete();
        assertEquals(TAPS - 1, s.port(dut.filled).toLong());
    }
}
