package org.edgemoe.rtl.cu;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.edgemoe.model.fixed.FixedRaw;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bit-exact checks of a small (4 x 4) compute unit against HwOps.linear / scaleAccumulate, both profiles. */
class ComputeUnitTest {
    static final CuConfig PUB = CuConfig.of(4, 4, Formats.published()).withLimits(64, 64, 40);
    static final CuConfig DSP = CuConfig.of(4, 4, Formats.dsp18()).withLimits(64, 64, 40);
    static SimModel pub;
    static SimModel dsp;

    @BeforeAll
    static void compile() {
        pub = HdlSim.compile(() -> new ComputeUnit(PUB));
        dsp = HdlSim.compile(() -> new ComputeUnit(DSP));
    }

    static long run(SimModel model, CuConfig cfg, List<CuLayer> layers, long seed, double inStall, double outStall) {
        try (Sim sim = model.open()) {
            sim.reset();
            CuDriver d = new CuDriver(sim, cfg, seed, inStall, outStall);
            for (CuLayer l : layers) {
                d.add(l, l.expected(cfg.formats()));
            }
            long cycles = d.run(200_000);
            String mm = d.firstMismatch();
            assertNull(mm, mm);
            return cycles;
        }
    }

    static CuLayer rnd(Formats f, int in, int out, int t, boolean bias, boolean attn, boolean resid, boolean gelu,
                       boolean expert, long seed) {
        long actRange = f.act().width() > 20 ? 1L << 25 : 1L << 14;
        return CuLayer.random(f, in, out, t, bias, attn, resid, gelu, expert, seed, actRange, 1L << 15);
    }

    @Test
    void plainLayerPublished() {
        run(pub, PUB, List.of(rnd(PUB.formats(), 8, 8, 5, true, false, false, false, false, 1)), 1, 0, 0);
    }

    @Test
    void plainLayerDsp18() {
        run(dsp, DSP, List.of(rnd(DSP.formats(), 8, 8, 5, true, false, false, false, false, 2)), 2, 0, 0);
    }
}
