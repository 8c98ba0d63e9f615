package org.edgemoe.rtl.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;

/**
 * Drives an {@link AttentionEngine} in Verilator: one command per head, the three buffers modelled by
 * {@link QkvBuffer}, every output row checked bit-exactly against {@link HwOps#attentionHead}.
 */
final class AttnHarness {
    /** One head of work: index and its Q, K, V rows ([token][headDim], raw act). */
    record Head(int head, long[][] q, long[][] k, long[][] v) {
        int tokens() {
            return q.length;
        }
    }

    /** Cycles from the first command to the last output row, and the buffer reads of each port. */
    record Result(long cycles, long qReads, long kReads, long vReads, long rows) {
        long reads() {
            return qReads + kReads + vReads;
        }
    }

    private final Sim sim;
    private final AttnConfig cfg;
    final QkvBuffer q;
    final QkvBuffer k;
    final QkvBuffer v;
    final StreamDriver cmd;
    final StreamMonitor out;

    AttnHarness(Sim sim, AttnConfig cfg, long seed, double stall, int latency) {
        this.sim = sim;
        this.cfg = cfg;
        int cap = latency + 2;
        q = new QkvBuffer(sim, cfg, "q", seed + 1, stall, latency, cap);
        k = new QkvBuffer(sim, cfg, "k", seed + 2, stall, latency, cap);
        v = new QkvBuffer(sim, cfg, "v", seed + 3, stall, latency, cap);
        cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd",
                List.of(sim.signal("io_cmd_payload_head"), sim.signal("io_cmd_payload_tokens"))), seed + 4, stall);
        List<SimSignal> lanes = new ArrayList<>();
        lanes.add(sim.signal("io_out_payload_head"));
        lanes.add(sim.signal("io_out_payload_token"));
        lanes.addAll(StreamPorts.lanes(sim, "io_out_payload_value", cfg.headDim()));
        lanes.add(sim.signal("io_out_payload_last"));
        boolean[] signed = new boolean[lanes.size()];
        for (int c = 0; c < cfg.headDim(); c++) {
            signed[2 + c] = true;
        }
        out = new StreamMonitor(sim, StreamPorts.of(sim, "out", lanes), seed + 5, stall).signed(signed);
    }

    /** Queues the heads' commands and buffer contents (the engine then runs them back to back). */
    void submit(List<Head> heads) {
        for (Head h : heads) {
            int t = h.tokens();
            q.add(new QkvBuffer.Job(h.head(), h.q(), QkvBuffer.requests(cfg, t, true)));
            k.add(new QkvBuffer.Job(h.head(), h.k(), QkvBuffer.requests(cfg, t, false)));
            v.add(new QkvBuffer.Job(h.head(), h.v(), QkvBuffer.requests(cfg, t, false)));
            cmd.enqueue(h.head(), t);
        }
    }

    /** The rows HwOps gives for the heads, as the monitor sees them: head, token, values, last. */
    List<long[]> expected(List<Head> heads) {
        List<long[]> rows = new ArrayList<>();
        for (Head h : heads) {
            long[][] o = HwOps.attentionHead(h.q(), h.k(), h.v(), cfg.formats());
            for (int t = 0; t < o.length; t++) {
                long[] r = new long[cfg.headDim() + 3];
                r[0] = h.head();
                r[1] = t;
                System.arraycopy(o[t], 0, r, 2, cfg.headDim());
                r[cfg.headDim() + 2] = t == o.length - 1 ? 1 : 0;
                rows.add(r);
            }
        }
        return rows;
    }

    /** Runs the heads to completion and checks every row; returns the cycle and read counts. */
    Result runAndCheck(List<Head> heads) {
        List<long[]> want = expected(heads);
        int before = out.receivedCount();
        long q0 = q.reads();
        long k0 = k.reads();
        long v0 = v.reads();
        long start = sim.cycle();
        submit(heads);
        long budget = 0;
        for (Head h : heads) {
            budget += 20L * QkvBuffer.requests(cfg, h.tokens(), false) + 2000;
        }
        sim.runUntil(() -> out.receivedCount() >= before + want.size() || q.error() != null
                || k.error() != null || v.error() != null, budget);
        assertNull(q.error(), "Q buffer");
        assertNull(k.error(), "K buffer");
        assertNull(v.error(), "V buffer");
        long end = out.cycles().get(out.cycles().size() - 1);
        sim.step(20);
        List<long[]> got = out.beats();
        assertEquals(before + want.size(), got.size(), "rows out");
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(before + i), "row " + i + " (head " + want.get(i)[0] + ", token " + want.get(i)[1] + ")");
        }
        return new Result(end - start + 1, q.reads() - q0, k.reads() - k0, v.reads() - v0, want.size());
    }

    // ---- inputs ----

    /** Uniform random rows in [-range, range). */
    static long[][] random(SplittableRandom rnd, int tokens, int dim, double range, FixFormat f) {
        long[][] x = new long[tokens][dim];
        for (long[] r : x) {
            for (int c = 0; c < dim; c++) {
                r[c] = FixedRaw.fromDouble(rnd.nextDouble(-range, range), f);
            }
        }
        return x;
    }

    static Head randomHead(SplittableRandom rnd, AttnConfig cfg, int head, int tokens) {
        FixFormat a = cfg.act();
        return new Head(head, random(rnd, tokens, cfg.headDim(), 3, a), random(rnd, tokens, cfg.headDim(), 3, a),
                random(rnd, tokens, cfg.headDim(), 8, a));
    }

    /** Extreme scores: kind 0 all equal (identical keys), 1 one dominant key, 2 saturating (extreme operands). */
    static Head extremeHead(SplittableRandom rnd, AttnConfig cfg, int head, int tokens, int kind) {
        FixFormat a = cfg.act();
        int d = cfg.headDim();
        long[][] q = random(rnd, tokens, d, 2, a);
        long[][] k = random(rnd, tokens, d, 2, a);
        long[][] v = random(rnd, tokens, d, 8, a);
        long max = FixedRaw.maxRaw(a);
        long min = FixedRaw.minRaw(a);
        switch (kind) {
            case 0 -> {
                for (int t = 1; t < tokens; t++) {
                    k[t] = k[0].clone();
                }
            }
            case 1 -> {
                int j = rnd.nextInt(tokens);
                for (int t = 0; t < tokens; t++) {
                    for (int c = 0; c < d; c++) {
                        q[t][c] = FixedRaw.fromDouble(1.5, a);
                        k[t][c] = t == j ? FixedRaw.fromDouble(2, a) : FixedRaw.fromDouble(rnd.nextDouble(-0.5, 0.5), a);
                    }
                }
            }
            default -> {
                for (int t = 0; t < tokens; t++) {
                    for (int c = 0; c < d; c++) {
                        q[t][c] = rnd.nextBoolean() ? max : min;
                        k[t][c] = rnd.nextBoolean() ? max : min;
                        v[t][c] = rnd.nextBoolean() ? max : min;
                    }
                }
            }
        }
        return new Head(head, q, k, v);
    }
}
