package org.edgemoe.runtime.sim;

import java.util.HashMap;
import java.util.Map;
import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.rtl.top.EdgeMoeAccelerator;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.axi.AxiLiteMaster;
import org.edgemoe.sim.axi.DdrConfig;
import org.edgemoe.sim.axi.DdrMemory;
import org.edgemoe.sim.axi.DdrModel;

/**
 * The whole accelerator in Verilator with its surroundings: one {@link DdrModel} (bandwidth and latency of
 * {@link DdrConfig}) behind its four AXI4 masters (program, weights, input, output) and a host on the AXI4-Lite
 * control port. The model is compiled once per configuration (and cached on disk by the testbench). Registers are
 * read and written by AXI4-Lite transactions that advance the simulated time, as a CPU would.
 */
public final class SystemSim implements SimulationBackend.Target {
    /** The DDR ports of {@link EdgeMoeAccelerator}, by their Verilog prefix. */
    public static final String[] PORTS = {"io_prog", "io_weights", "io_input", "io_output"};

    private static final Map<AcceleratorConfig, SimModel> MODELS = new HashMap<>();

    private final Sim sim;
    private final DdrModel ddr;
    private final AxiLiteMaster host;

    private SystemSim(SimModel model, DdrConfig ddrConfig) {
        sim = model.open();
        ddr = new DdrModel(ddrConfig);
        for (String p : PORTS) {
            ddr.attach(sim, p);
        }
        host = new AxiLiteMaster(sim, "io_ctrl");
        sim.reset();
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

    public Sim sim() {
        return sim;
    }

    public DdrModel ddr() {
        return ddr;
    }

    @Override
    public void regWrite(int addr, int value) {
        int resp = host.write(addr, value & 0xFFFFFFFFL);
        if (resp != 0) {
            throw new IllegalStateException(String.format("register write 0x%03x answered %s", addr, resp == 2 ? "SLVERR" : "resp " + resp));
        }
    }

    @Override
    public int regRead(int addr) {
        return (int) host.read(addr);
    }

    @Override
    public DdrMemory memory() {
        return ddr.memory();
    }

    @Override
    public void run(long cycles) {
        sim.step(cycles);
    }

    @Override
    public boolean interrupt() {
        return sim.peek("io_interrupt") != 0;
    }

    @Override
    public long cycle() {
        return sim.cycle();
    }

    @Override
    public void close() {
        sim.close();
    }
}
