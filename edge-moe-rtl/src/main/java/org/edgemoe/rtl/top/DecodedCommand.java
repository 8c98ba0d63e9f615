package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Opcode;

/**
 * A checked command as the sequencer dispatches it to the units: opcode and buffers as enums, flags as Bools,
 * the weight block's absolute DDR address (WEIGHTS_ADDR + offset, + TASK x stride with TASK_SEL), its bytes and
 * stride, and the command's index in the program.
 */
public final class DecodedCommand extends Bundle {
    public final HdlEnum<Opcode> op = Enum(Opcode.class);
    public final Bool bias = Bool();
    public final Bool attnBias = Bool();
    public final Bool gelu = Bool();
    public final Bool resid = Bool();
    public final Bool taskSel = Bool();
    public final HdlEnum<Buf> src = Enum(Buf.class);
    public final HdlEnum<Buf> dst = Enum(Buf.class);
    public final HdlEnum<Buf> aux = Enum(Buf.class);
    public final UInt layer = UInt(8);
    public final UInt count = UInt(8);
    public final UInt inSize = UInt(16);
    public final UInt outSize = UInt(16);
    public final UInt tokens = UInt(16);
    public final UInt weightAddr = UInt(32);
    public final UInt weightBytes = UInt(32);
    public final UInt weightStride = UInt(32);
    /** Block B: WEIGHTS_ADDR + weight2Offset (expert e's at + e x stride), and its bytes (0: none). */
    public final UInt weight2Addr = UInt(32);
    public final UInt weight2Bytes = UInt(32);
    public final UInt index = UInt(16);
}
