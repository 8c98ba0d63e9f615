package org.edgemoe.rtl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.Direction;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;

/**
 * Reset in Verilator from random power-on values ({@link SimModel#openRandomised}): for each seed, reset
 * with idle inputs (no valid, every ready high) leaves every output {@code *_valid} and {@code io_busy}
 * low for {@link #IDLE} cycles; then random traffic on every input (valids, readys, payloads) and a reset
 * pulse in the middle of it leave the block idle and empty again: no beat of the interrupted work comes out.
 */
public final class VerilatorReset {
    static final int IDLE = 24;
    static final int TRAFFIC = 120;

    private VerilatorReset() { }

    public static void assertIdleAfterResetFromRandomState(SimModel model, int seeds) {
        for (int seed = 1; seed <= seeds; seed++) {
            try (Sim sim = model.openRandomised(seed)) {
                List<SimSignal> inputs = new ArrayList<>();
                List<SimSignal> watched = new ArrayList<>();
                for (String n : sim.signalNames()) {
                    SimSignal s = sim.signal(n);
                    if (s.direction() == Direction.INPUT && !n.equals("clk") && !n.equals("reset")) {
                        inputs.add(s);
                    } else if (s.direction() == Direction.OUTPUT && (n.endsWith("_valid") || n.equals("io_busy"))) {
                        watched.add(s);
                    }
                }
                idle(inputs);
                sim.reset();
                checkIdle(sim, inputs, watched, "seed " + seed + ", after the first reset");
                SplittableRandom rnd = new SplittableRandom(seed);
                for (int c = 0; c < TRAFFIC; c++) {
                    for (SimSignal s : inputs) {
                        long[] w = new long[s.words()];
                        for (int i = 0; i < w.length; i++) {
                            w[i] = rnd.nextLong();
                        }
                        if (s.width() % 64 != 0) {
                            w[w.length - 1] &= (1L << (s.width() % 64)) - 1;
                        }
                        s.pokeWords(w);
                    }
                    sim.step();
                }
                idle(inputs);
                sim.reset();
                checkIdle(sim, inputs, watched, "seed " + seed + ", after a reset in the middle of random traffic");
            }
        }
    }

    private static void idle(List<SimSignal> inputs) {
        for (SimSignal s : inputs) {
            if (s.name().endsWith("_ready")) {
                s.poke(1);
            } else {
                s.pokeWords(new long[s.words()]);
            }
        }
    }

    private static void checkIdle(Sim sim, List<SimSignal> inputs, List<SimSignal> watched, String when) {
        for (int c = 0; c < IDLE; c++) {
            sim.eval();
            for (SimSignal s : watched) {
                assertEquals(0, s.peek(), sim.model().top() + ": " + s.name() + " high " + c + " cycles " + when);
            }
            sim.step();
        }
    }
}
