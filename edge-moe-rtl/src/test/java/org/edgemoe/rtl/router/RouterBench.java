package org.edgemoe.rtl.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.GateRouting;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;

/**
 * Drives a {@link MoeRouter} simulation layer by layer, its payloads by field, and checks it against
 * {@link GateRouting}.
 */
final class RouterBench {
    final Formats f;
    final int experts;
    final int dim;
    final int tasks;
    final int topK;
    final int queueDepth;
    final int lanes;
    final int wP;

    RouterBench(Formats f, int experts, int dim, int tasks, int topK, int queueDepth) {
        this(f, experts, dim, tasks, topK, queueDepth, 1);
    }

    /** A router taking {@code lanes} gate-input elements a beat. */
    RouterBench(Formats f, int experts, int dim, int tasks, int topK, int queueDepth, int lanes) {
        this.f = f;
        this.lanes = lanes;
        this.experts = experts;
        this.dim = dim;
        this.tasks = tasks;
        this.topK = topK;
        this.queueDepth = queueDepth;
        wP = f.prob().width();
    }

    MoeRouter design() {
        return new MoeRouter(new RouterConfig(f, experts, dim, tasks, topK, queueDepth, lanes));
    }

    int tokenBits() {
        return new RouterConfig(f, experts, dim, tasks, topK, queueDepth).tokenBits();
    }

    static long signExtend(long v, int w) {
        return (v << (64 - w)) >> (64 - w);
    }

    /** The payload signals of stream {@code name}, in the Bundle's field order (lane 0 first). */
    static StreamPorts ports(Sim sim, String name, String... fields) {
        List<SimSignal> lanes = new ArrayList<>();
        for (String field : fields) {
            int star = field.indexOf('*');
            if (star < 0) {
                lanes.add(sim.signal("io_" + name + "_payload_" + field));
            } else {
                lanes.addAll(StreamPorts.lanes(sim, "io_" + name + "_payload_" + field.substring(0, star),
                        Integer.parseInt(field.substring(star + 1))));
            }
        }
        return StreamPorts.of(sim, name, lanes);
    }

    /** One simulation instance with its agents. */
    final class Run {
        final Sim sim;
        final StreamDriver in;
        final StreamDriver w;
        final StreamMonitor route;
        final StreamMonitor drain;

        Run(Sim sim, long seed, double inStall, double outStall) {
            this.sim = sim;
            sim.reset();
            in = new StreamDriver(sim, ports(sim, "input", "x*" + lanes, "task", "last"), seed, inStall);
            w = new StreamDriver(sim, ports(sim, "weights", "w*" + experts, "index", "task"), seed + 1, inStall);
            route = new StreamMonitor(sim, ports(sim, "route", "score*" + topK, "expert*" + topK, "token", "last"),
                    seed + 2, outStall);
            drain = new StreamMonitor(sim, ports(sim, "drain", "score", "token", "expert", "count", "header", "last"),
                    seed + 3, outStall);
        }

        /** Loads gate[task] ([experts][dim] row-major, weightLinear raw) into the task's slot. */
        void loadGate(int task, long[] gate) {
            for (int k = 0; k < dim; k++) {
                long[] beat = new long[experts + 2];
                for (int e = 0; e < experts; e++) {
                    beat[e] = gate[e * dim + k];
                }
                beat[experts] = k;
                beat[experts + 1] = task;
                w.enqueue(beat);
            }
            sim.runUntil(w::isIdle, 100L * dim + 1000);
        }

        /**
         * Routes one layer (h[t] act raw, task[t]) and checks route beats and the drain against the
         * golden model; returns the cycles from the first input transfer to the last route beat.
         */
        long layer(long[][] h, int[] task, long[][] gates) {
            int n = h.length;
            int routeBase = route.receivedCount();
            int drainBase = drain.receivedCount();
            long start = sim.cycle();
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < dim; k += lanes) {
                    boolean last = t == n - 1 && k + lanes == dim;
                    long[] beat = new long[lanes + 2];
                    System.arraycopy(h[t], k, beat, 0, lanes);
                    beat[lanes] = task[t];
                    beat[lanes + 1] = last ? 1 : 0;
                    in.enqueue(beat);
                }
            }
            GateRouting.Decision[] expect = new GateRouting.Decision[n];
            for (int t = 0; t < n; t++) {
                expect[t] = GateRouting.routeToken(h[t], gates[task[t]], topK, f);
            }
            GateRouting.Queues queues = GateRouting.reorder(expect, experts, queueDepth);
            List<long[]> expectDrain = new ArrayList<>();
            for (int i = 0; i < queues.nonEmpty().length; i++) {
                int e = queues.nonEmpty()[i];
                List<GateRouting.Entry> q = queues.queues().get(e);
                expectDrain.add(drainBeat(true, false, q.size(), e, 0, 0));
                for (int j = 0; j < q.size(); j++) {
                    boolean last = i == queues.nonEmpty().length - 1 && j == q.size() - 1;
                    expectDrain.add(drainBeat(false, last, 0, e, q.get(j).token(), q.get(j).score()));
                }
            }
            int drainTarget = drainBase + expectDrain.size();
            sim.runUntil(() -> drain.receivedCount() >= drainTarget && route.receivedCount() >= routeBase + n,
                    (long) n * dim * 20 + 20_000);
            sim.step(20);
            List<long[]> routeGot = route.beats();
            List<long[]> drainGot = drain.beats();
            assertEquals(routeBase + n, routeGot.size(), "route beats");
            for (int t = 0; t < n; t++) {
                long[] b = routeGot.get(routeBase + t);
                int[] ex = new int[topK];
                long[] sc = new long[topK];
                for (int r = 0; r < topK; r++) {
                    sc[r] = signExtend(b[r], wP);
                    ex[r] = (int) b[topK + r];
                }
                long tok = b[2 * topK];
                long last = b[2 * topK + 1];
                String where = "token " + t;
                assertEquals(java.util.Arrays.toString(expect[t].experts()), java.util.Arrays.toString(ex), where + " experts");
                assertEquals(java.util.Arrays.toString(expect[t].scores()), java.util.Arrays.toString(sc), where + " scores");
                assertEquals(t % (1L << tokenBits()), tok, where + " index");
                assertEquals(t == n - 1 ? 1 : 0, last, where + " last");
            }
            assertEquals(expectDrain.size(), drainGot.size() - drainBase, "drain beats");
            for (int i = 0; i < expectDrain.size(); i++) {
                assertEquals(describe(expectDrain.get(i)), describe(drainGot.get(drainBase + i)), "drain beat " + i);
            }
            List<Long> routeCycles = route.cycles();
            long end = routeCycles.get(routeCycles.size() - 1);
            return end - start;
        }
    }

    /** A drain beat's fields in the DrainBeat's order: score, token, expert, count, header, last. */
    long[] drainBeat(boolean header, boolean last, long count, long expert, long token, long score) {
        return new long[] {score, token, expert, count, header ? 1 : 0, last ? 1 : 0};
    }

    String describe(long[] b) {
        long score = signExtend(b[0], wP);
        long token = b[1];
        long expert = b[2];
        long count = b[3];
        long header = b[4];
        long last = b[5];
        return header == 1 ? "header expert=" + expert + " count=" + count + " last=" + last
                : "entry expert=" + expert + " token=" + token + " score=" + score + " last=" + last;
    }

    static void assertThroughput(long cycles, int tokens, int perToken, int slack) {
        assertTrue(cycles <= (long) tokens * perToken + slack,
                cycles + " cycles for " + tokens + " tokens, expected about " + perToken + " per token");
    }
}
