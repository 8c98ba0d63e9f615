package org.edgemoe.rtl.engine;

import java.util.List;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.cu.CuLayer;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;

/**
 * {@code make bench}: {@code BENCH engine.util.<layer> <fraction>}, useful MAC cycles (in x out x tokens / R C)
 * over the cycles the 16 x 16 linear engine (dsp18) takes from its first command to its last output, with its
 * data movers and buffers (Java buffers answering in one cycle, no stalls), outputs checked bit-exact.
 */
public final class EngineBench {
    private EngineBench() { }

    public static void main(String[] args) {
        CuConfig cfg = CuConfig.of(16, 16, Formats.dsp18());
        SimModel model = HdlSim.compile(() -> new LinearEngine(cfg, 14));
        Formats f = cfg.formats();
        Object[][] layers = {
            {"qkv.192x576.t129", 192, 576, 129, true, false},
            {"fc1.192x768.t129", 192, 768, 129, false, true},
            {"fc2.768x192.t129", 768, 192, 129, false, false},
            {"expert.192x384.t17", 192, 384, 17, false, true},
        };
        for (Object[] l : layers) {
            int in = (int) l[1];
            int out = (int) l[2];
            int t = (int) l[3];
            CuLayer layer = LinearEngineTest.layer(f, in, out, t, true, (boolean) l[4], false, (boolean) l[5], 7);
            long start = System.nanoTime();
            long cycles = LinearEngineTest.runCycles(model, cfg, List.of(new LinearEngineTest.Job(layer, 0, 8192, false, null)), 1);
            double useful = (double) in * out * t / (cfg.rows() * cfg.cols());
            System.out.printf("BENCH engine.util.%s %.4f fraction%n", l[0], useful / cycles);
            System.err.printf("engine %s: %d cycles in %.1f s%n", l[0], cycles, (System.nanoTime() - start) / 1e9);
        }
    }
}
