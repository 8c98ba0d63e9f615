package org.edgemoe.runtime.sim;

import java.util.HashMap;
import java.util.Map;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.rtl.top.EdgeMoeAccelerator;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.axi.DdrConfig;

/**
 * The whole accelerator in Verilator with its surroundings: one DDR model (bandwidth and latency of
 * {@link DdrConfig}) behind its AXI4 masters (program, the weight ports, output) and a host on the AXI4-Lite
 * control port ({@link HostedSim}). The model is compiled once per configuration (and cached on disk by the
 * testbench).
 */
public final class SystemSim extends HostedSim {
    /** The DDR ports of an {@link EdgeMoeAccelerator}, by their Verilog prefix: program, weights 0..N-1, output. */
    public static String[] ports(AcceleratorConfig cfg) {
        String[] p = new String[cfg.weightPorts() + 2];
        p[0] = "io_prog";
        for (int i = 0; i < cfg.weightPorts(); i++) {
            p[1 + i] = "io_weights_" + i;
        }
        p[p.length - 1] = "io_output";
        return p;
    }

    private static final Map<AcceleratorConfig, SimModel> MODELS = new HashMap<>();

    private SystemSim(SimModel model, AcceleratorConfig cfg, DdrConfig ddrConfig) {
        super(model.open(), ddrConfig, ports(cfg));
        reset();
    }

    /** The compiled model of {@code cfg} (compiled on first use). */
    public static synchronized SimModel model(AcceleratorConfig cfg) {
        return MODELS.computeIfAbsent(cfg, c -> HdlSim.compile(() -> new EdgeMoeAccelerator(c)));
    }

    public static SystemSim open(AcceleratorConfig cfg, DdrConfig ddr) {
        return new SystemSim(model(cfg), cfg, ddr);
    }

    /** The default accelerator on the ZCU102's DDR model. */
    public static SystemSim open() {
        return open(AcceleratorConfig.defaults(), DdrConfig.zcu102());
    }
}
