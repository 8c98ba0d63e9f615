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
 * {@link DdrConfig}) behind its four AXI4 masters (program, weights, input, output) and a host on the AXI4-Lite
 * control port ({@link HostedSim}). The model is compiled once per configuration (and cached on disk by the
 * testbench).
 */
public final class SystemSim extends HostedSim {
    /** The DDR ports of {@link EdgeMoeAccelerator}, by their Verilog prefix. */
    public static final String[] PORTS = {"io_prog", "io_weights", "io_input", "io_output"};

    private static final Map<AcceleratorConfig, SimModel> MODELS = new HashMap<>();

    private SystemSim(SimModel model, DdrConfig ddrConfig) {
        super(model.open(), ddrConfig, PORTS);
        reset();
    }

    /** The compiled model of {@code cfg} (compiled on first use). */
    public static synchronized SimModel model(AcceleratorConfig cfg) {
        return MODELS.computeIfAbsent(cfg, c -> HdlSim.compile(() -> new EdgeMoeAccelerator(c)));
    }

    public static SystemSim open(AcceleratorConfig cfg, DdrConfig ddr) {
        return new SystemSim(model(cfg), ddr);
    }

    /** The default accelerator on the ZCU102's DDR model. */
    public static SystemSim open() {
        return open(AcceleratorConfig.defaults(), DdrConfig.zcu102());
    }
}
