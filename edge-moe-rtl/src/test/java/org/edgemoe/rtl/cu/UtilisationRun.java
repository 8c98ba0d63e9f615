package org.edgemoe.rtl.cu;

import java.util.List;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;

/**
 * Runs one whole layer of a given shape on the default 16 x 16 {@link ComputeUnit} in Verilator with
 * realistic feeding: every input stream presents its next beat on every cycle (never starving the unit)
 * and y is always ready (no back-pressure). Cycles are counted from reset release (command, weights and
 * activations presented on cycle 0) to the cycle after the last output beat, so they include the first
 * weight load, the pipeline fill and drain. Utilisation = in * out * tokens / (rows * cols * cycles).
 */
public final class UtilisationRun {
    public record Result(int in, int out, int tokens, boolean expert, long cycles, double utilisation,
                         String mismatch) {
        public String name() {
            return in + "x" + out + ".t" + tokens;
        }
    }

    private static SimModel model;

    private UtilisationRun() { }

    public static synchronized SimModel model() {
        if (model == null) {
            model = HdlSim.compile(ComputeUnit::new);
        }
        return model;
    }

    /** A layer of random data (published formats); {@code expert}: fused expert scale-accumulate mode. */
    public static Result run(int in, int out, int tokens, boolean expert, long seed) {
        CuConfig cfg = CuConfig.defaults();
        Formats f = cfg.formats();
        CuLayer l = CuLayer.random(f, in, out, tokens, true, false, expert, false, expert, seed, 1L << 25, 1L << 15);
        return run(cfg, l);
    }

    public static Result run(CuConfig cfg, CuLayer l) {
        try (Sim sim = model().open()) {
            sim.reset();
            CuDriver d = new CuDriver(sim, cfg, 1, 0, 0);
            d.add(l, l.expected(cfg.formats()));
            long cycles = d.run(10_000_000);
            double util = (double) l.in() * l.out() * l.tokens() / ((double) cfg.rows() * cfg.cols() * cycles);
            return new Result(l.in(), l.out(), l.tokens(), l.expert(), cycles, util, d.firstMismatch());
        }
    }

    /** The shapes of the issue: 192x192, 192x768, 768x192, 192x384 with 129 tokens, and a 17-token expert. */
    public static List<int[]> standardShapes() {
        return List.of(new int[] {192, 192, 129, 0}, new int[] {192, 768, 129, 0}, new int[] {768, 192, 129, 0},
                new int[] {192, 384, 129, 0}, new int[] {192, 384, 17, 1});
    }

    public static void main(String[] args) {
        for (int[] s : standardShapes()) {
            Result r = run(s[0], s[1], s[2], s[3] != 0, 42);
            System.out.printf("%s cycles %d utilisation %.4f %s%n", r.name(), r.cycles(), r.utilisation(),
                    r.mismatch() == null ? "bit-exact" : r.mismatch());
        }
    }
}
