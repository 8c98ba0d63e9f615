package org.edgemoe.rtl.engine;

import java.util.List;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimSignal;

/** A Java buffer that records a DUT's write flow {@code io_<name>_valid / _payload_addr / _payload_lanes_k} (signed lanes). */
public final class WriteCapture implements CycleAgent {
    public final long[][] mem;
    private final SimSignal valid;
    private final SimSignal addr;
    private final List<SimSignal> lanes;

    public WriteCapture(Sim sim, String name, int depth, int lanes) {
        this.mem = new long[depth][lanes];
        this.valid = sim.signal("io_" + name + "_valid");
        this.addr = sim.signal("io_" + name + "_payload_addr");
        this.lanes = RtlTestSupport.lanes(sim, "io_" + name + "_payload_lanes", lanes);
        sim.addAgent(this);
    }

    @Override
    public void drive(Sim sim, long cycle) { }

    @Override
    public void sample(Sim sim, long cycle) {
        if (valid.peekBoolean()) {
            for (int k = 0; k < lanes.size(); k++) {
                mem[(int) addr.peek()][k] = lanes.get(k).peekSigned();
            }
        }
    }
}
