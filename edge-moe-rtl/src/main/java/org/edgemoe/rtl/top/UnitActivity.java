package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** Per-cycle activity the performance counters count: unit busy flags, DDR bytes moved, DDR waits, commands. */
public final class UnitActivity extends Bundle {
    public final Bool cu = Bool();
    public final Bool attn = Bool();
    public final Bool ln = Bool();
    public final Bool router = Bool();
    public final Bool embed = Bool();
    /** Bytes read from DDR this cycle (all ports). */
    public final UInt ddrReadBytes = UInt(8);
    /** Bytes written to DDR this cycle. */
    public final UInt ddrWriteBytes = UInt(8);
    /** Some unit waits for DDR this cycle. */
    public final Bool ddrStall = Bool();
    /** A command was dispatched this cycle. */
    public final Bool command = Bool();
}
