package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * One entry of the {@link CommandTrace}: the event (which command) and the performance counters at that cycle:
 * PERF_CYCLES, PERF_DDR_RD_BYTES and PERF_DDR_WR_BYTES (128 bits, one block-RAM word).
 */
public final class TraceEntry extends Bundle {
    public final TraceEvent event = new TraceEvent();
    public final UInt cycles = UInt(32);
    public final UInt ddrRead = UInt(32);
    public final UInt ddrWrite = UInt(32);

    public static final int BITS = 128;
}
