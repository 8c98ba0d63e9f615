package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** An error report of the sequencer: the {@link org.edgemoe.rtl.isa.ErrorCode}, the command index and opcode, a DDR address. */
public final class RunError extends Bundle {
    public final UInt code = UInt(8);
    public final UInt index = UInt(16);
    public final UInt opcode = UInt(8);
    public final UInt addr = UInt(32);
}
