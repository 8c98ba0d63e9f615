package org.edgemoe.rtl.layernorm;

import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;

/**
 * LayerNorm figures measured in Verilator (every stream always ready, outputs checked bit-exact): steady-state
 * cycles per token, and the cycles of one whole LayerNorm of an image's 129 tokens from its command to the
 * last output beat.
 */
public final class LnBench {
    /** cyclesPerToken: between the first and the last output beat, over the tokens; oneNorm: command to last beat. */
    public record Result(double cyclesPerToken, long oneNorm, long firstOutputLatency) { }

    private LnBench() { }

    public static Result measure(SimModel model, LnConfig cfg, int tokens) {
        SplittableRandom rnd = new SplittableRandom(9);
        Formats f = cfg.formats();
        try (Sim sim = model.open()) {
            sim.reset();
            LnHarness h = new LnHarness(sim, cfg, 9, 0);
            h.loadSet(0, LnHarness.randomParams(f.weightNorm(), cfg.dim(), rnd, false),
                    LnHarness.randomParams(f.weightBias(), cfg.dim(), rnd, false));
            h.waitParams();
            long start = sim.cycle();
            h.submit(new LnHarness.Job(0, LnHarness.tokens(f.resid(), cfg.dim(), tokens, rnd)), "bench");
            h.finish(100L * tokens * cfg.beats() + 1000);
            List<Long> c = h.y.cycles();
            long last = c.get(c.size() - 1);
            return new Result((double) (last - c.get(0) + 1) / tokens, last - start + 1, c.get(0) - start);
        }
    }

    public static void main(String[] args) {
        LnConfig cfg = LnConfig.defaults();
        Result r = measure(HdlSim.compile(() -> new LayerNorm(cfg)), cfg, ModelShape.TOKENS);
        print(cfg, r);
    }

    public static void print(LnConfig cfg, Result r) {
        System.out.printf("BENCH ln.cycles_per_token %.2f cycles%n", r.cyclesPerToken());
        System.out.printf("BENCH ln.latency %d cycles%n", r.firstOutputLatency());
        System.out.printf("BENCH ln.cycles_per_norm %d cycles%n", r.oneNorm());
        System.out.printf("BENCH ln.cycles_per_image %d cycles%n", 2L * ModelShape.LAYERS * r.oneNorm());
    }
}
