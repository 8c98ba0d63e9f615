package org.edgemoe.rtl.perf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.Routing;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.QuantizedWeights;

/**
 * {@code make bench} figures of the performance model: {@code BENCH e2e.lower_bound_ms.<shape>.task<t>} for a few
 * accelerator shapes, with the real image's routing from the golden model (every expert active and tokens
 * spread evenly when the weights are absent, said on standard error), the per-unit split of the bound, and the cycle
 * model's whole-image estimate of the accelerator as built ({@code e2e.model_cycles.task<t>}, {@code e2e.model_ms.task<t>}).
 */
public final class PerfBench {
    private PerfBench() { }

    /** Shapes worth comparing: today's 16 x 16 compute unit on one port, and a 32 x 32 one on four. */
    static Map<String, Object[]> shapes() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("cu16.ports1", new Object[] {new AccelShape(16, 16, 16, 32, 16), DdrParams.zcu102(1)});
        m.put("cu16.ports4", new Object[] {new AccelShape(16, 16, 16, 32, 16), DdrParams.zcu102(4)});
        m.put("cu32.ports4", new Object[] {new AccelShape(32, 32, 16, 32, 16), DdrParams.zcu102(4)});
        return m;
    }

    public static void main(String[] args) {
        Routing[][] routing = new Routing[ModelShape.TASKS][];
        Path folder = WeightFolder.locate().orElse(null);
        if (folder == null) {
            System.err.println("perf: " + WeightFolder.absentMessage() + "; using every expert active with tokens spread evenly");
        } else {
            HwModel model = new HwModel(new QuantizedWeights(M3VitWeights.load(folder), Formats.dsp18()));
            for (int t = 0; t < ModelShape.TASKS; t++) {
                routing[t] = model.run(t).routing();
            }
        }
        for (Map.Entry<String, Object[]> e : shapes().entrySet()) {
            AccelShape shape = (AccelShape) e.getValue()[0];
            DdrParams ddr = (DdrParams) e.getValue()[1];
            for (int t = 0; t < ModelShape.TASKS; t++) {
                List<Step> steps = Workload.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, routing[t]);
                List<LowerBound.Row> rows = LowerBound.rows(steps, shape, ddr);
                System.out.printf("BENCH e2e.lower_bound_ms.%s.task%d %.3f ms%n", e.getKey(), t, LowerBound.ms(steps, shape, ddr));
                System.out.printf("BENCH e2e.serial_bound_ms.%s.task%d %.3f ms%n", e.getKey(), t, LowerBound.serialMs(steps, shape, ddr));
                Map<Step.Unit, Long> byUnit = new LinkedHashMap<>();
                long ddrBound = 0;
                for (LowerBound.Row r : rows) {
                    byUnit.merge(r.step().unit(), r.cycles(), Long::sum);
                    ddrBound += r.ddrBound() ? r.cycles() : 0;
                }
                for (Map.Entry<Step.Unit, Long> u : byUnit.entrySet()) {
                    System.out.printf("BENCH e2e.lower_bound_cycles.%s.task%d.%s %d cycles%n", e.getKey(), t,
                            u.getKey().name().toLowerCase(), u.getValue());
                }
                System.out.printf("BENCH e2e.lower_bound_ddr_bound_share.%s.task%d %.3f fraction%n", e.getKey(), t,
                        (double) ddrBound / LowerBound.serialCycles(steps, shape, ddr));
            }
        }
        // the cycle model of the accelerator as built (AcceleratorConfig.defaults(): 32 x 32, attention 8 x 64, three weight ports, gate 4 lanes)
        org.edgemoe.rtl.top.AcceleratorConfig def = org.edgemoe.rtl.top.AcceleratorConfig.defaults();
        AccelShape built = AccelShape.of(def);
        DdrParams ddr1 = DdrParams.zcu102(def.weightPorts());
        for (int t = 0; t < ModelShape.TASKS; t++) {
            CycleModel m = new CycleModel(built, ddr1);
            List<Op> ops = ImageOps.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, routing[t]);
            System.out.printf("BENCH e2e.model_cycles.task%d %d cycles%n", t, m.cycles(ops));
            System.out.printf("BENCH e2e.model_ms.task%d %.3f ms%n", t, m.ms(ops));
        }
        // the expert buffer's size (CycleModel.Timing.expertFifoBytes; built: 256 RAMB36, 1 MiB), on 16 x 16 with two and on the
        // default, 32 x 32 with three weight ports; sizes in RAMB36 of 4 KB data each
        List<Op> ops0 = ImageOps.m3vit(ModelShape.LAYERS, ModelShape.TOKENS, routing[0]);
        for (int cu : new int[] {16, 32}) {
            AccelShape s = new AccelShape(cu, cu, 8, 64, cu, org.edgemoe.rtl.top.AcceleratorConfig.DEFAULT_GATE_LANES);
            DdrParams d = DdrParams.zcu102(cu == 16 ? 2 : 3);
            for (int ramb36 : new int[] {0, 128, 256, 350, 512}) {
                CycleModel m = new CycleModel(s, d, CycleModel.Timing.measured().withExpertFifo(ramb36 * 4096L));
                System.out.printf("BENCH e2e.model_cycles.cu%d.ports%d.expert_fifo%d.task0 %d cycles%n", cu, d.ports(), ramb36, m.cycles(ops0));
            }
        }
    }
}
