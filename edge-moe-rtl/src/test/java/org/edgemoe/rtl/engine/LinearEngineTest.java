package org.edgemoe.rtl.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwOps;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.cu.CuLayer;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear engine between Java buffers: x read from a source buffer, y written to an act or the
 * residual buffer (plain, or added into it), bit-exact against HwOps.linear / residualAdd, commands back
 * to back, random stalls on every port, both profiles.
 */
class LinearEngineTest {
    static final int AW = 10;
    static final int DEPTH = 1 << 14;   // Java buffers: room for the bench engine's 14-bit addresses too
    static final CuConfig DSP = CuConfig.of(4, 4, Formats.dsp18()).withLimits(64, 64, 40);
    static final CuConfig PUB = CuConfig.of(4, 4, Formats.published()).withLimits(64, 64, 40);
    static SimModel dsp;
    static SimModel pub;

    @BeforeAll
    static void compile() {
        dsp = HdlSim.compile(() -> new LinearEngine(DSP, AW));
        pub = HdlSim.compile(() -> new LinearEngine(PUB, AW));
    }

    /** One command: layer data, where x lives, where y goes, whether it is added into the residual buffer. */
    record Job(CuLayer layer, int xBase, int yBase, boolean residAdd, long[][] resid, boolean gather, boolean scatter,
               boolean expert) {
        Job(CuLayer layer, int xBase, int yBase, boolean residAdd, long[][] resid) {
            this(layer, xBase, yBase, residAdd, resid, false, false, false);
        }

        /** Buffer row of list position / token j. */
        int xRow(int j, int[] tokens) {
            return gather ? tokens[j] : j;
        }

        int yRow(int j, int[] tokens) {
            return scatter ? tokens[j] : j;
        }
    }

    static BigInteger packRow(long[] lanes, int w) {
        BigInteger v = BigInteger.ZERO;
        for (int k = lanes.length - 1; k >= 0; k--) {
            v = v.shiftLeft(w).or(BigInteger.valueOf(RtlTestSupport.mask(lanes[k], w)));
        }
        return v;
    }

    static void run(SimModel model, CuConfig cfg, List<Job> jobs, long seed, double stall) {
        run(model, cfg, jobs, new int[0], new long[0], new boolean[0], seed, stall);
    }

    /** Runs without stalls and returns the cycles from the first command to the last output (outputs checked). */
    static long runCycles(SimModel model, CuConfig cfg, List<Job> jobs, long seed) {
        return run(model, cfg, jobs, new int[0], new long[0], new boolean[0], seed, 0);
    }

    /** {@code tokens/scores/second}: the expert list, written before the jobs. */
    static long run(SimModel model, CuConfig cfg, List<Job> jobs, int[] listTokens, long[] scores, boolean[] second, long seed,
                    double stall) {
        Formats f = cfg.formats();
        int r = cfg.rows();
        int c = cfg.cols();
        try (Sim sim = model.open()) {
            sim.reset();
            for (int j = 0; j < listTokens.length; j++) {
                sim.poke("io_list_valid", 1);
                sim.poke("io_list_payload_pos", j);
                sim.poke("io_list_payload_token", listTokens[j]);
                sim.poke("io_list_payload_score", scores[j]);
                sim.poke("io_list_payload_second", second[j] ? 1 : 0);
                sim.step();
            }
            sim.poke("io_list_valid", 0);
            BufferPortAgent src = new BufferPortAgent(sim, "xRead", "xData", DEPTH, r, f.act().width(), seed, stall);
            BufferPortAgent res = new BufferPortAgent(sim, "destRead", "destData", DEPTH, c, f.resid().width(), seed + 1, stall);
            String[] names = {"inSize", "outSize", "tokens", "bias", "attnBias", "outResid", "gelu", "expert"};
            List<SimSignal> cmdSig = new ArrayList<>();
            for (String n : names) {
                cmdSig.add(sim.signal("io_cmd_payload_cu_" + n));
            }
            for (String n : new String[] {"xBase", "xStride", "yBase", "yStride", "residAdd", "gatherX", "scatterY"}) {
                cmdSig.add(sim.signal("io_cmd_payload_" + n));
            }
            StreamDriver cmd = new StreamDriver(sim, StreamPorts.of(sim, "cmd", cmdSig), seed + 2, stall);
            StreamDriver wts = new StreamDriver(sim, "weight", seed + 3, stall);
            List<long[][]> want = new ArrayList<>();
            for (Job j : jobs) {
                CuLayer l = j.layer();
                int xs = l.in() / r;
                int ys = l.out() / c;
                for (int t = 0; t < l.tokens(); t++) {
                    for (int k = 0; k < xs; k++) {
                        System.arraycopy(l.x()[t], k * r, src.mem[j.xBase() + j.xRow(t, listTokens) * xs + k], 0, r);
                    }
                    if (j.residAdd() || j.expert()) {
                        for (int k = 0; k < ys; k++) {
                            System.arraycopy(j.resid()[t], k * c, res.mem[j.yBase() + j.yRow(t, listTokens) * ys + k], 0, c);
                        }
                    }
                }
                cmd.enqueue(l.in(), l.out(), l.tokens(), l.bias() != null ? 1 : 0, l.attnBias() ? 1 : 0, l.outResid() ? 1 : 0,
                        l.gelu() ? 1 : 0, j.expert() ? 1 : 0, j.xBase(), xs, j.yBase(), ys, j.residAdd() ? 1 : 0,
                        j.gather() ? 1 : 0, j.scatter() ? 1 : 0);
                long[] stream = org.edgemoe.rtl.cu.WeightStream.of(l.w(), l.bias(), l.out(), l.in(), r, c);
                for (int i = 0; i < stream.length; i += c) {
                    wts.enqueue(packRow(java.util.Arrays.copyOfRange(stream, i, i + c), CuConfig.WEIGHT_WIDTH));
                }
                long[][] y = new long[l.tokens()][];
                for (int t = 0; t < l.tokens(); t++) {
                    y[t] = HwOps.linear(l.x()[t], f.act(), l.w(), f.weightLinear(), l.bias(), l.biasFormat(f),
                            j.residAdd() || j.expert() || l.outResid() ? f.resid() : f.act(), l.gelu(), f);
                    if (j.expert()) {
                        for (int o = 0; o < l.out(); o++) {
                            y[t][o] = HwOps.scaleAccumulate(second[t] ? 0 : j.resid()[t][o], y[t][o], scores[t], f);
                        }
                    } else if (j.residAdd()) {
                        for (int o = 0; o < l.out(); o++) {
                            y[t][o] = HwOps.residualAdd(j.resid()[t][o], y[t][o], f);
                        }
                    }
                }
                want.add(y);
            }
            sim.addAgent(src);
            sim.addAgent(res);
            // act outputs land in their own Java buffer
            BufferPortAgent actBuf = new BufferPortAgent(sim, "xRead", "xData", DEPTH, c, f.act().width(), 0, 0);
            sim.addAgent(actBuf.writer(sim, "yAct"));
            sim.addAgent(res.writer(sim, "yResid"));
            BufferPortAgent sec = new BufferPortAgent(sim, "xRead", "xData", DEPTH, c, f.resid().width(), 0, 0);
            sim.addAgent(sec.writer(sim, "ySecond"));
            sim.step(2);
            long t0 = sim.cycle();
            sim.runUntil(() -> cmd.isIdle() && wts.isIdle() && sim.peek("io_busy") == 0, 4_000_000);
            long cycles = sim.cycle() - t0;
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                CuLayer l = j.layer();
                boolean toResid = j.residAdd() || j.expert() || l.outResid();
                int ys = l.out() / c;
                for (int t = 0; t < l.tokens(); t++) {
                    long[][] buf = j.expert() && second[t] ? sec.mem : toResid ? res.mem : actBuf.mem;
                    for (int o = 0; o < l.out(); o++) {
                        assertEquals(want.get(i)[t][o], buf[j.yBase() + j.yRow(t, listTokens) * ys + o / c][o % c],
                                "job " + i + " token " + t + " output " + o + (toResid ? " (resid)" : " (act)"));
                    }
                }
            }
            assertEquals(jobs.stream().mapToLong(j -> (long) j.layer().tokens() * j.layer().in() / r * (j.layer().out() / c)).sum(),
                    src.reads, "x words read: every x beat of every output tile, once");
            return cycles;
        }
    }

    static CuLayer layer(Formats f, int in, int out, int t, boolean bias, boolean attn, boolean resid, boolean gelu, long seed) {
        long actRange = f.act().width() > 20 ? 1L << 25 : 1L << 14;
        return CuLayer.random(f, in, out, t, bias, attn, resid, gelu, false, seed, actRange, 1L << 15);
    }

    static long[][] residual(Formats f, int t, int d, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        long[][] v = new long[t][d];
        for (long[] row : v) {
            for (int k = 0; k < d; k++) {
                row[k] = rnd.nextLong() % (1L << 28);
            }
        }
        return v;
    }

    static List<Job> jobs(Formats f) {
        return List.of(
                new Job(layer(f, 8, 12, 5, true, true, false, false, 1), 0, 0, false, null),      // QKV-like into act
                new Job(layer(f, 12, 8, 7, true, false, false, true, 2), 100, 200, false, null),  // GELU hidden
                new Job(layer(f, 8, 8, 6, true, true, false, false, 3), 300, 40, true, residual(f, 6, 8, 4)),  // proj + resid
                new Job(layer(f, 16, 4, 9, false, false, true, false, 5), 500, 120, false, null)); // resid out, no bias
    }

    @Test
    void commandsBackToBackDsp18() {
        run(dsp, DSP, jobs(DSP.formats()), 11, 0);
    }

    @Test
    void commandsUnderStallsDsp18() {
        run(dsp, DSP, jobs(DSP.formats()), 12, 0.3);
    }

    @Test
    void commandsUnderStallsPublished() {
        run(pub, PUB, jobs(PUB.formats()), 13, 0.25);
    }

    /** An expert's FC1 (x gathered by token, GELU into a compact hidden buffer) then FC2 (scattered, scaled, split by rank). */
    void expert(SimModel model, CuConfig cfg, long seed, double stall) {
        Formats f = cfg.formats();
        int[] tokens = {7, 2, 11, 3, 0, 9};
        long[] scores = new long[tokens.length];
        boolean[] second = new boolean[tokens.length];
        java.util.Random rnd = new java.util.Random(seed);
        for (int j = 0; j < tokens.length; j++) {
            scores[j] = rnd.nextInt(1 << f.prob().fracBits());
            second[j] = j % 2 == 1;
        }
        CuLayer fc1 = layer(f, 8, 16, tokens.length, true, false, false, true, seed);
        CuLayer fc2 = layer(f, 16, 8, tokens.length, true, false, false, false, seed + 1);
        run(model, cfg, List.of(
                new Job(fc1, 64, 0, false, null, true, false, false),
                new Job(fc2, 300, 400, false, residual(f, tokens.length, 8, seed + 2), false, true, true)),
                tokens, scores, second, seed, stall);
    }

    @Test
    void expertGatherScatterDsp18() {
        expert(dsp, DSP, 31, 0.2);
    }

    @Test
    void expertGatherScatterPublished() {
        expert(pub, PUB, 32, 0);
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new LinearEngine(DSP, AW), dir);
    }
}
