package org.edgemoe.rtl.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;

/**
 * The attention engine's figures for {@code make bench}, measured in Verilator: one layer (3 heads,
 * T = 129, head dim 64) of seeded random Q/K/V, commands back to back, buffers answering one cycle after
 * each request, no back-pressure on the output; every row checked against HwOps. Buffer reads are the
 * response handshakes counted on the three ports.
 */
public final class AttnBench {
    /** Useful multiply-accumulates of one layer: Q.K^T and A.V of 3 heads, 129 x 129 x 64 each. */
    public static final long LAYER_MACS = 2L * 3 * 129 * 129 * 64;

    private AttnBench() { }

    /** Runs one layer on {@code cfg}; returns {cycles, buffer reads}. */
    public static long[] layer(AttnConfig cfg) {
        SplittableRandom rnd = new SplittableRandom(2023);
        List<AttnHarness.Head> heads = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            heads.add(AttnHarness.randomHead(rnd, cfg, h, 129));
        }
        try (Sim sim = HdlSim.compile(() -> new AttentionEngine(cfg)).open()) {
            sim.reset();
            AttnHarness.Result r = new AttnHarness(sim, cfg, 7, 0, 1).runAndCheck(heads);
            return new long[] {r.cycles(), r.reads()};
        }
    }

    /** Prints the BENCH lines: the default configuration and the sweep over P. */
    public static void print() {
        long[] d = layer(AttnConfig.DEFAULT);
        System.out.printf("BENCH attn.cycles.layer %d cycles%n", d[0]);
        System.out.printf("BENCH attn.macs_per_cycle %.1f mac/cycle%n", (double) LAYER_MACS / d[0]);
        for (int p : new int[] {4, 8, 16, 32}) {
            long[] r = p == AttnConfig.DEFAULT.lanes() ? d : layer(AttnConfig.DEFAULT.withLanes(p));
            System.out.printf("BENCH attn.cycles.layer.p%d %d cycles%n", p, r[0]);
            System.out.printf("BENCH attn.buffer_reads_per_cycle.p%d %.3f reads/cycle%n", p, (double) r[1] / r[0]);
        }
    }

    public static void main(String[] args) {
        print();
    }
}
