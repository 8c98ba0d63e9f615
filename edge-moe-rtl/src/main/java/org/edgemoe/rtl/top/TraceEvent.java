package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** What the sequencer reports to the command trace: a command's index in the program, its opcode byte and layer label. */
public final class TraceEvent extends Bundle {
    public final UInt index = UInt(16);
    public final UInt opcode = UInt(8);
    public final UInt layer = UInt(8);
}
