package org.edgemoe.sim;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.sim.stream.StreamPorts;

/**
 * A simulation of an hdl-core design together with its elaborated top module, so a test names ports by the
 * module's own fields, as SpinalSim's {@code dut.io.x #= 1} does:
 * <pre>
 * try (DesignSim&lt;Top&gt; s = HdlSim.open(Top::new)) {
 *     Top dut = s.dut();
 *     s.sim().reset();
 *     s.port(dut.enable).set(true);
 *     s.sim().step(10);
 *     assertEquals(10, s.port(dut.count).toLong());
 * }
 * </pre>
 * Closing it closes the Sim.
 */
public final class DesignSim<M extends Module> implements AutoCloseable {
    private final M dut;
    private final Sim sim;

    DesignSim(M dut, Sim sim) {
        this.dut = dut;
        this.sim = sim;
    }

    /** The elaborated top module: its port fields are what {@link #port} takes. */
    public M dut() {
        return dut;
    }

    public Sim sim() {
        return sim;
    }

    public Port port(Ground field) {
        return sim.port(field);
    }

    /** The signals of a stream port ({@code dut.input}) for StreamDriver / StreamMonitor, with its payload's formats. */
    public StreamPorts stream(Stream<?> field) {
        return StreamPorts.of(sim, field);
    }

    public long runUntil(Bool flag, long maxCycles) {
        return sim.runUntil(flag, maxCycles);
    }

    @Override
    public void close() {
        sim.close();
    }
}
