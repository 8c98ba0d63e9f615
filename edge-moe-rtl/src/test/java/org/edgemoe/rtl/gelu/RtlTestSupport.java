package org.edgemoe.rtl.gelu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.Signal;
import org.edgemoe.rtl.testing.VerilatorLint;

/** Shared test helpers of the RTL blocks: multi-signal stream agents and a Verilator lint check. */
public final class RtlTestSupport {
    private RtlTestSupport() { }

    /** Emits {@code design} into {@code dir} and runs {@code verilator --lint-only -Wall}; fails on any output. */
    public static EmittedDesign assertLintClean(Supplier<? extends Module> design, Path dir) throws IOException, InterruptedException {
        return VerilatorLint.assertClean(design, dir);
    }

    /** Signals {@code io_<stream>_payload_0 .. _<n-1>}. */
    public static List<Signal> lanes(Sim sim, String prefix, int n) {
        List<Signal> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(sim.signal(prefix + "_" + k));
        }
        return out;
    }

    /** Drives a stream whose payload is several signals; each beat is one value per signal. Random valid stalls. */
    public static final class Driver implements CycleAgent {
        private final Signal valid;
        private final Signal ready;
        private final List<Signal> payload;
        private final SplittableRandom random;
        private final double stallRate;
        private final Deque<long[]> pending = new ArrayDeque<>();
        private boolean presenting;
        private long sent;

        public Driver(Sim sim, String stream, List<Signal> payload, long seed, double stallRate) {
            this.valid = sim.signal("io_" + stream + "_valid");
            this.ready = sim.signal("io_" + stream + "_ready");
            this.payload = payload;
            this.random = new SplittableRandom(seed);
            this.stallRate = stallRate;
            valid.poke(0);
            sim.addAgent(this);
        }

        public void enqueue(long... beat) {
            if (beat.length != payload.size()) {
                throw new IllegalArgumentException("beat of " + beat.length + " values for " + payload.size() + " signals");
            }
            pending.add(beat.clone());
        }

        public boolean idle() {
            return pending.isEmpty();
        }

        public long sent() {
            return sent;
        }

        @Override
        public void drive(Sim sim, long cycle) {
            if (pending.isEmpty() || (!presenting && random.nextDouble() < stallRate)) {
                valid.poke(0);
                return;
            }
            long[] beat = pending.peek();
            for (int k = 0; k < beat.length; k++) {
                payload.get(k).poke(mask(beat[k], payload.get(k).width()));
            }
            valid.poke(1);
            presenting = true;
        }

        @Override
        public void sample(Sim sim, long cycle) {
            if (presenting && ready.peekBoolean()) {
                pending.poll();
                sent++;
                presenting = false;
            }
        }
    }

    /** Takes beats of a multi-signal stream (values sign-extended per signal), random ready stalls. */
    public static final class Monitor implements CycleAgent {
        private final Signal valid;
        private final Signal ready;
        private final List<Signal> payload;
        private final boolean[] signed;
        private final SplittableRandom random;
        private final double stallRate;
        private final List<long[]> received = new ArrayList<>();
        private final List<Long> cycles = new ArrayList<>();
        private boolean isReady;

        public Monitor(Sim sim, String stream, List<Signal> payload, boolean[] signed, long seed, double stallRate) {
            this.valid = sim.signal("io_" + stream + "_valid");
            this.ready = sim.signal("io_" + stream + "_ready");
            this.payload = payload;
            this.signed = signed.clone();
            this.random = new SplittableRandom(seed);
            this.stallRate = stallRate;
            ready.poke(0);
            sim.addAgent(this);
        }

        public List<long[]> received() {
            return received;
        }

        /** Cycle of each received beat. */
        public List<Long> cycles() {
            return cycles;
        }

        @Override
        public void drive(Sim sim, long cycle) {
            isReady = stallRate == 0 || random.nextDouble() >= stallRate;
            ready.poke(isReady ? 1 : 0);
        }

        @Override
        public void sample(Sim sim, long cycle) {
            if (isReady && valid.peekBoolean()) {
                long[] beat = new long[payload.size()];
                for (int k = 0; k < beat.length; k++) {
                    beat[k] = signed[k] ? payload.get(k).peekSigned() : payload.get(k).peek();
                }
                received.add(beat);
                cycles.add(cycle);
            }
        }
    }

    public static long mask(long v, int width) {
        return width >= 64 ? v : v & ((1L << width) - 1);
    }

    public static boolean[] allSigned(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }
}
