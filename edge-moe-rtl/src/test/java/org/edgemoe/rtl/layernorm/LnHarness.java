package org.edgemoe.rtl.layernorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;

/** Drives a {@link LayerNorm} in Verilator: parameter sets, commands, token beats; checks every output beat against HwOps.layerNorm. */
final class LnHarness {
    /** One command: the set and its tokens (each of D raw resid values). */
    record Job(int set, long[][] tokens) { }

    final LnConfig cfg;
    final Formats f;
    final Sim sim;
    final StreamDriver cmd;
    final StreamDriver x;
    final StreamDriver param;
    final StreamMonitor y;
    final long[][] gamma;
    final long[][] beta;
    final List<long[]> expected = new ArrayList<>();
    final List<String> where = new ArrayList<>();

    LnHarness(Sim sim, LnConfig cfg, long seed, double stall) {
        this.sim = sim;
        this.cfg = cfg;
        this.f = cfg.formats();
        int l = cfg.lanes();
        cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd", List.of(sim.signal("io_cmd_payload_set"),
                sim.signal("io_cmd_payload_tokens"))), seed, stall);
        x = new StreamDriver(sim, StreamPorts.of(sim, "x", RtlTestSupport.lanes(sim, "io_x_payload", l)), seed + 1, stall);
        List<SimSignal> p = new ArrayList<>();
        p.add(sim.signal("io_param_payload_addr"));
        p.addAll(RtlTestSupport.lanes(sim, "io_param_payload_gamma", l));
        p.addAll(RtlTestSupport.lanes(sim, "io_param_payload_beta", l));
        param = new StreamDriver(sim, StreamPorts.of(sim, "param", p), seed + 2, stall);
        List<SimSignal> out = new ArrayList<>(RtlTestSupport.lanes(sim, "io_y_payload_value", l));
        out.add(sim.signal("io_y_payload_last"));
        boolean[] signed = RtlTestSupport.allSigned(l + 1);
        signed[l] = false;
        y = new StreamMonitor(sim, StreamPorts.of(sim, "y", out), seed + 3, stall).signed(signed);
        gamma = new long[cfg.sets()][];
        beta = new long[cfg.sets()][];
    }

    /** Stops driving and watching (for a reset in the middle of a run); inputs go invalid, the output ready. */
    void detach() {
        sim.removeAgent(cmd);
        sim.removeAgent(x);
        sim.removeAgent(param);
        sim.removeAgent(y);
        cmd.ports().valid().poke(0);
        x.ports().valid().poke(0);
        param.ports().valid().poke(0);
        y.ports().ready().poke(1);
    }

    /** Writes gamma/beta of {@code set} through the parameter port (and remembers them for the model). */
    void loadSet(int set, long[] g, long[] b) {
        gamma[set] = g.clone();
        beta[set] = b.clone();
        int l = cfg.lanes();
        for (int beat = 0; beat < cfg.beats(); beat++) {
            long[] v = new long[1 + 2 * l];
            v[0] = (long) set * cfg.beats() + beat;
            for (int k = 0; k < l; k++) {
                v[1 + k] = g[beat * l + k];
                v[1 + l + k] = b[beat * l + k];
            }
            param.enqueue(v);
        }
    }

    void waitParams() {
        sim.runUntil(param::isIdle, 100_000);
        sim.step(1);
    }

    /** Queues a command and its tokens, and the expected output beats. */
    void submit(Job j, String label) {
        cmd.enqueue(j.set(), j.tokens().length);
        int l = cfg.lanes();
        for (int t = 0; t < j.tokens().length; t++) {
            long[] tok = j.tokens()[t];
            long[] want = HwOps.layerNorm(tok, f.resid(), gamma[j.set()], f.weightNorm(), beta[j.set()], f.weightBias(), f.act(), f);
            for (int beat = 0; beat < cfg.beats(); beat++) {
                x.enqueue(Arrays.copyOfRange(tok, beat * l, beat * l + l));
                long[] e = Arrays.copyOf(Arrays.copyOfRange(want, beat * l, beat * l + l), l + 1);
                e[l] = beat == cfg.beats() - 1 ? 1 : 0;
                expected.add(e);
                where.add(label + " token " + t + " beat " + beat);
            }
        }
    }

    /** Runs until every expected beat is out, then checks them all (and that nothing more comes). */
    void finish(long maxCycles) {
        sim.runUntil(() -> y.receivedCount() >= expected.size(), maxCycles);
        sim.step(40);
        List<long[]> got = y.beats();
        assertEquals(expected.size(), got.size(), "output beats");
        for (int i = 0; i < got.size(); i++) {
            assertArrayEquals(expected.get(i), got.get(i), where.get(i));
        }
        assertEquals(0, sim.peek("io_busy"), "idle after the last token");
    }

    // ---------------- input generators ----------------

    static long[] randomParams(FixFormat fmt, int d, SplittableRandom rnd, boolean full) {
        long[] v = new long[d];
        for (int i = 0; i < d; i++) {
            v[i] = full ? rnd.nextLong(FixedRaw.minRaw(fmt), FixedRaw.maxRaw(fmt) + 1)
                    : FixedRaw.fromDouble(rnd.nextDouble(-2, 2), fmt);
        }
        return v;
    }

    /** A token of one of 10 kinds (see the switch). */
    static long[] token(FixFormat fmt, int d, int kind, SplittableRandom rnd) {
        long min = FixedRaw.minRaw(fmt);
        long max = FixedRaw.maxRaw(fmt);
        long[] v = new long[d];
        long c = rnd.nextLong(min / 4, max / 4);
        double scale = Math.pow(10, rnd.nextDouble(-4, 2));
        for (int i = 0; i < d; i++) {
            v[i] = switch (kind) {
                case 0 -> FixedRaw.fromDouble(rnd.nextGaussian() * scale + rnd.nextDouble(-3, 3), fmt); // typical
                case 1 -> c;                                                      // all equal: variance 0
                case 2 -> max;                                                    // the format's maximum
                case 3 -> min;                                                    // the format's minimum
                case 4 -> rnd.nextLong(min, max + 1);                             // full range
                case 5 -> (i & 1) == 0 ? min : max;                               // largest variance
                case 6 -> i == rnd.nextInt(d) ? max : c;                          // one spike
                case 7 -> c + rnd.nextInt(7) - 3;                                 // nearly equal (a few LSBs)
                case 8 -> i < d / 2 ? max : min + rnd.nextInt(3);                 // two halves at the extremes
                default -> (long) (rnd.nextGaussian() * (1L << rnd.nextInt(4, 30)));
            };
            v[i] = Math.max(min, Math.min(max, v[i]));
        }
        return v;
    }

    static long[][] tokens(FixFormat fmt, int d, int n, SplittableRandom rnd) {
        long[][] t = new long[n][];
        for (int i = 0; i < n; i++) {
            t[i] = token(fmt, d, i < 10 ? i : rnd.nextInt(10), rnd);
        }
        return t;
    }
}
