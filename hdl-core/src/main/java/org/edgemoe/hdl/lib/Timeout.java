package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Area;
import org.edgemoe.hdl.core.Bool;

/**
 * Goes high {@code cycles} clock cycles after reset or the last {@link #clear()}, and stays high until
 * cleared (SpinalHDL's Timeout). {@code stateRise} is high on the cycle it becomes high.
 */
public final class Timeout extends Area {
    public final Counter counter;
    /** High once the time has elapsed (a register). */
    public final Bool state;
    /** High for the one cycle where {@code state} rises. */
    public final Bool stateRise;

    public Timeout(int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException("Timeout(" + cycles + ")");
        }
        counter = new Counter(cycles);
        state = reg(Bool()).init(false);
        stateRise = wire(Bool());
        stateRise.set(counter.willOverflow);
        when(state.not(), counter::increment);
        when(counter.willOverflow, () -> state.set(true));
    }

    /** Restarts the time (in the current when branch). */
    public void clear() {
        counter.clear();
        state.set(false);
    }
}
