package org.edgemoe.rtl.engine;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.rtl.gelu.RtlTestSupport;

/**
 * A Java buffer behind a DUT's buffer read port ({@code <read>} address stream out of the DUT,
 * {@code <data>} word stream into it) and zero or more write flows: random ready stalls on the addresses,
 * random valid gaps on the data, up to three reads in flight. Words are raw lane values.
 */
public final class BufferPortAgent implements CycleAgent {
    public final long[][] mem;
    private final int lanes;
    private final int width;
    private final SplittableRandom rnd;
    private final double stall;
    private final SimSignal aValid, aReady, aAddr, aLast, dValid, dReady, dLast;
    private final List<SimSignal> dLanes;
    private final ArrayDeque<long[]> inFlight = new ArrayDeque<>();
    private boolean presenting;
    private boolean takingAddr;
    public long reads;

    public BufferPortAgent(Sim sim, String read, String data, int depth, int lanes, int width, long seed, double stall) {
        this.mem = new long[depth][lanes];
        this.lanes = lanes;
        this.width = width;
        this.rnd = new SplittableRandom(seed);
        this.stall = stall;
        aValid = sim.signal("io_" + read + "_valid");
        aReady = sim.signal("io_" + read + "_ready");
        aAddr = sim.signal("io_" + read + "_payload_addr");
        aLast = sim.signal("io_" + read + "_payload_last");
        dValid = sim.signal("io_" + data + "_valid");
        dReady = sim.signal("io_" + data + "_ready");
        dLast = sim.signal("io_" + data + "_payload_last");
        dLanes = RtlTestSupport.lanes(sim, "io_" + data + "_payload_lanes", lanes);
    }

    @Override
    public void drive(Sim sim, long cycle) {
        takingAddr = inFlight.size() < 3 && rnd.nextDouble() >= stall;
        aReady.poke(takingAddr ? 1 : 0);
        if (!inFlight.isEmpty() && (presenting || rnd.nextDouble() >= stall)) {
            long[] head = inFlight.peek();
            for (int k = 0; k < lanes; k++) {
                dLanes.get(k).poke(RtlTestSupport.mask(mem[(int) head[0]][k], width));
            }
            dLast.poke(head[1]);
            dValid.poke(1);
            presenting = true;
        } else {
            dValid.poke(0);
        }
    }

    @Override
    public void sample(Sim sim, long cycle) {
        if (presenting && dReady.peekBoolean()) {
            inFlight.poll();
            presenting = false;
        }
        if (takingAddr && aValid.peekBoolean()) {
            inFlight.add(new long[] {aAddr.peek(), aLast.peek()});
            reads++;
        }
    }

    /** A write flow {@code io_<name>_valid/_payload_addr/_payload_lanes_k} of the DUT into this buffer. */
    public CycleAgent writer(Sim sim, String name) {
        SimSignal v = sim.signal("io_" + name + "_valid");
        SimSignal a = sim.signal("io_" + name + "_payload_addr");
        List<SimSignal> ls = RtlTestSupport.lanes(sim, "io_" + name + "_payload_lanes", lanes);
        return new CycleAgent() {
            @Override
            public void drive(Sim s, long c) { }

            @Override
            public void sample(Sim s, long c) {
                if (v.peekBoolean()) {
                    for (int k = 0; k < lanes; k++) {
                        mem[(int) a.peek()][k] = ls.get(k).peekSigned();
                    }
                }
            }
        };
    }
}
