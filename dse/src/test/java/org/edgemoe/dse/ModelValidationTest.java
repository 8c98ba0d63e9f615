package org.edgemoe.dse;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgemoe.model.WeightFolder;
import org.junit.jupiter.api.Test;

/**
 * The check: the cycle model within 5 % of the full-system simulation on at least five points of the sweep
 * (the DDR from compute-bound to DDR-bound, a long read latency, other attention lanes, another compute array), each
 * the real image's EMBED, layer 0 (dense), layer 1 (MoE) and STORE in the accelerator's Verilator model (Validation,
 * SimRun), in total and command by command against the hardware's command trace. Skipped without the weights folder.
 */
class ModelValidationTest {
    @Test
    void theCycleModelIsWithinFivePercentOfTheFullSystemSimulation() {
        assumeTrue(WeightFolder.locate().isPresent(), WeightFolder.absentMessage());
        List<String> report = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (DesignPoint p : Validation.points()) {
            Map<String, Object> r = Validation.run(p, Validation.LAYERS);
            double e = Report.d(r, "sim.error");
            String line = String.format(Locale.ROOT, "%s: sim %d, model %d, error %+.2f %% (LayerNorms %+.1f %%)", p.id(),
                    ((Number) r.get("sim.cycles")).longValue(), ((Number) r.get("sim.model_cycles")).longValue(), 100 * e,
                    100 * Report.d(r, "sim.layernorm_error"));
            report.add(line);
            System.out.println("DSE " + line);
            if (Math.abs(e) > Validation.TOLERANCE) {
                outside.add(line);
            }
            // command by command (the hardware's trace): every command of 1,000 cycles or more but the LayerNorms (whose
            // small reads wait behind the expert prefetcher's bursts, which the model has on average) within 10 % (the worst
            // on 16 x 16: the expert loop at -5.2 % when two striped weight ports share a DDR of 8.53 GB/s, docs/dse.md);
            // 15 % at a quarter of the DDR's bandwidth or less, where how many of a LINEAR's weight bytes were read while
            // the command before it ran differs from layer to layer (32 x 32 at 4.27 GB/s: l0.proj -10.4 %, the run -0.11 %)
            double worst = Report.d(r, "sim.worst_command_error");
            double band = (p.ddrGBps() <= 4.27 ? 3 : 2) * Validation.TOLERANCE;
            if (Math.abs(worst) > band) {
                outside.add(line + ", command " + r.get("sim.worst_command") + String.format(Locale.ROOT, " %+.2f %%", 100 * worst));
            }
            assertTrue(((Number) r.get("sim.cycles")).longValue() > 200_000, "EMBED, a dense and a MoE layer take 0.23 M (32 x 32) to 2.2 M cycles (8 x 8): " + line);
        }
        assertTrue(report.size() >= 5, "at least five points");
        assertEquals(List.of(), outside, "points outside 5 %:\n" + String.join("\n", report));
    }
}
