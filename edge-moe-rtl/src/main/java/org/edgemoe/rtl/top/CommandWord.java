package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * The 32-byte command word as it arrives from DDR (two 128-bit beats), fields in bit order from bit 0: the
 * layout of {@link org.edgemoe.rtl.isa.CommandCodec}. {@code setFromBits} of the 256 fetched bits fills it.
 */
public final class CommandWord extends Bundle {
    public final UInt opcode = UInt(8);
    public final UInt flags = UInt(8);
    public final UInt src = UInt(4);
    public final UInt dst = UInt(4);
    public final UInt aux = UInt(4);
    public final UInt reserved0 = UInt(4);
    public final UInt layer = UInt(8);
    public final UInt count = UInt(8);
    public final UInt tokens = UInt(16);
    public final UInt inSize = UInt(16);
    public final UInt outSize = UInt(16);
    public final UInt weight2Bytes = UInt(32);
    public final UInt weightOffset = UInt(32);
    public final UInt weightBytes = UInt(32);
    public final UInt weightStride = UInt(32);
    public final UInt weight2Offset = UInt(32);

    public static final int BITS = 256;
}
