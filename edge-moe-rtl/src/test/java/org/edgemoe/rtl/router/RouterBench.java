package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.log2Up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.GateRouting;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;

/** Drives a {@link MoeRouter} simulation layer by layer and checks it against {@link GateRouting}. */
final class RouterBench {
    final Formats f;
    final int experts;
    final int dim;
    final int tasks;
    final int topK;
    final int queueDepth;
    final int wA;
    final int wW;
    final int wP;
    final int eb;
    final int kb;
    final int tb;
    final int qb;
    final int cb;

    RouterBench(Formats f, int experts, int dim, int tasks, int topK, int queueDepth) {
        this.f = f;
        this.experts = experts;
        this.dim = dim;
        this.tasks = tasks;
        this.topK = topK;
        this.queueDepth = queueDepth;
        wA = f.act().width();
        wW = f.weightLinear().width();
        wP = f.prob().width();
        eb = log2Up(experts);
        kb = log2Up(dim);
        tb = log2Up(tasks);
        qb = log2Up(queueDepth);
        cb = log2Up(queueDepth + 1);
    }

    MoeRouter design() {
        return new MoeRouter(f, experts, dim, tasks, topK, queueDepth);
    }

    static BigInteger field(long v, int w) {
        return BigInteger.valueOf(v).and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE));
    }

    static long get(BigInteger v, int lo, int w) {
        return v.shiftRight(lo).and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE)).longValueExact();
    }

    static long signExtend(long v, int w) {
        return (v << (64 - w)) >> (64 - w);
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
            in = new StreamDriver(sim, StreamPorts.of(sim, "input"), seed, inStall);
            w = new StreamDriver(sim, StreamPorts.of(sim, "weights"), seed + 1, inStall);
            route = new StreamMonitor(sim, StreamPorts.of(sim, "route"), seed + 2, outStall);
            drain = new StreamMonitor(sim, StreamPorts.of(sim, "drain"), seed + 3, outStall);
        }

        /** Loads gate[task] ([experts][dim] row-major, weightLinear raw) into the task's slot. */
        void loadGate(int task, long[] gate) {
            for (int k = 0; k < dim; k++) {
                BigInteger p = field(task, tb).shiftLeft(experts * wW + kb).or(field(k, kb).shiftLeft(experts * wW));
                for (int e = 0; e < experts; e++) {
                    p = p.or(field(gate[e * dim + k], wW).shiftLeft(e * wW));
                }
                w.enqueue(p);
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
                for (int k = 0; k < dim; k++) {
                    boolean last = t == n - 1 && k == dim - 1;
                    in.enqueue(field(h[t][k], wA).or(field(task[t], tb).shiftLeft(wA))
                            .or(last ? BigInteger.ONE.shiftLeft(wA + tb) : BigInteger.ZERO));
                }
            }
            GateRouting.Decision[] expect = new GateRouting.Decision[n];
            for (int t = 0; t < n; t++) {
                expect[t] = GateRouting.routeToken(h[t], gates[task[t]], topK, f);
            }
            GateRouting.Queues queues = GateRouting.reorder(expect, experts, queueDepth);
            List<BigInteger> expectDrain = new ArrayList<>();
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
            List<BigInteger> routeGot = route.receivedBig();
            List<BigInteger> drainGot = drain.receivedBig();
            assertEquals(routeBase + n, routeGot.size(), "route beats");
            for (int t = 0; t < n; t++) {
                BigInteger b = routeGot.get(routeBase + t);
                int[] ex = new int[topK];
                long[] sc = new long[topK];
                for (int r = 0; r < topK; r++) {
                    sc[r] = signExtend(get(b, r * wP, wP), wP);
                    ex[r] = (int) get(b, topK * wP + r * eb, eb);
                }
                long tok = get(b, topK * (wP + eb), qb);
                long last = get(b, topK * (wP + eb) + qb, 1);
                String where = "token " + t;
                assertEquals(java.util.Arrays.toString(expect[t].experts()), java.util.Arrays.toString(ex), where + " experts");
                assertEquals(java.util.Arrays.toString(expect[t].scores()), java.util.Arrays.toString(sc), where + " scores");
                assertEquals(t % (1L << qb), tok, where + " index");
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

    BigInteger drainBeat(boolean header, boolean last, long count, long expert, long token, long score) {
        int lo = 0;
        BigInteger v = field(score, wP);
        lo += wP;
        v = v.or(field(token, qb).shiftLeft(lo));
        lo += qb;
        v = v.or(field(expert, eb).shiftLeft(lo));
        lo += eb;
        v = v.or(field(count, cb).shiftLeft(lo));
        lo += cb;
        v = v.or(field(header ? 1 : 0, 1).shiftLeft(lo));
        lo += 1;
        return v.or(field(last ? 1 : 0, 1).shiftLeft(lo));
    }

    String describe(BigInteger b) {
        int lo = 0;
        long score = signExtend(get(b, lo, wP), wP);
        lo += wP;
        long token = get(b, lo, qb);
        lo += qb;
        long expert = get(b, lo, eb);
        lo += eb;
        long count = get(b, lo, cb);
        lo += cb;
        long header = get(b, lo, 1);
        long last = get(b, lo + 1, 1);
        return header == 1 ? "header expert=" + expert + " count=" + count + " last=" + last
                : "entry expert=" + expert + " token=" + token + " score=" + score + " last=" + last;
    }

    static void assertThroughput(long cycles, int tokens, int perToken, int slack) {
        assertTrue(cycles <= (long) tokens * perToken + slack,
                cycles + " cycles for " + tokens + " tokens, expected about " + perToken + " per token");
    }
}
