package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** One buffer address of a loop nest, {@code last} on the final one of its command. */
public final class BufferAddr extends Bundle {
    public final UInt addr;
    public final Bool last = Bool();

    private final int addrWidth;

    public BufferAddr(int addrWidth) {
        this.addrWidth = addrWidth;
        addr = UInt(addrWidth);
    }

    @Override
    public BufferAddr cloneType() {
        BufferAddr c = new BufferAddr(addrWidth);
        return isFlipped() ? flipped(c) : c;
    }
}
