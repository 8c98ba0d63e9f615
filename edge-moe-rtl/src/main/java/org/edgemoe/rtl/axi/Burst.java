package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * One INCR burst of a transfer, as the {@link BurstSplitter} cuts it: bus-aligned {@code addr}, {@code len}
 * (beats - 1), whether it is the transfer's first / last burst, and the transfer's first and last byte lanes
 * (for the write strobes of the partial first and last beats).
 */
public final class Burst extends Bundle {
    public final UInt addr;
    public final UInt len = UInt(8);
    public final Bool first = Bool();
    public final Bool last = Bool();
    public final UInt startLane;
    public final UInt endLane;
    private final int aw;
    private final int lanesWidth;

    public Burst(int addressWidth, int laneWidth) {
        this.aw = addressWidth;
        this.lanesWidth = laneWidth;
        addr = UInt(addressWidth);
        startLane = UInt(laneWidth);
        endLane = UInt(laneWidth);
    }

    @Override
    public Burst cloneType() {
        Burst c = new Burst(aw, lanesWidth);
        return isFlipped() ? flipped(c) : c;
    }
}
