package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** GATE on the {@link GateStage}: route {@code tokens} tokens of LNO with the task's gate matrix. */
public final class GateCmd extends Bundle {
    public final UInt tokens = UInt(16);
    public final UInt task = UInt(1);
}
