package org.edgemoe.runtime.sim;

import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.axi.AxiLiteMaster;
import org.edgemoe.sim.axi.DdrConfig;
import org.edgemoe.sim.axi.DdrMemory;
import org.edgemoe.sim.axi.DdrModel;

/**
 * A simulated design as the driver sees a board: a host on its AXI4-Lite port {@code io_ctrl} (register reads and
 * writes are bus transactions that advance the simulated time), a {@link DdrModel} behind the AXI4 ports named at
 * construction, and {@code io_interrupt}. {@link SystemSim} is the whole accelerator; tests use smaller designs.
 * The design is reset after the subclass has attached what it needs ({@link #reset()}).
 */
public abstract class HostedSim implements SimulationBackend.Target {
    protected final Sim sim;
    protected final DdrModel ddr;
    protected final AxiLiteMaster host;

    protected HostedSim(Sim sim, DdrConfig ddrConfig, String... ddrPorts) {
        this.sim = sim;
        this.ddr = new DdrModel(ddrConfig);
        for (String p : ddrPorts) {
            ddr.attach(sim, p);
        }
        this.host = new AxiLiteMaster(sim, "io_ctrl");
    }

    /** Resets the design (after every agent and constant input is in place). */
    protected final void reset() {
        sim.reset();
    }

    public Sim sim() {
        return sim;
    }

    public DdrModel ddr() {
        return ddr;
    }

    @Override
    public void regWrite(int addr, int value) {
        int resp = host.write(addr, Integer.toUnsignedLong(value));
        if (resp != 0) {
            throw new IllegalStateException(String.format("AXI4-Lite write 0x%03x answered BRESP %d%s", addr, resp,
                    resp == 2 ? " (SLVERR)" : ""));
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
