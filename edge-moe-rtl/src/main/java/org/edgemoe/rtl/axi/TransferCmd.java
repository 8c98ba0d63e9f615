package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * One DDR transfer request of an {@link AxiReadMaster} or {@link AxiWriteMaster}: {@code bytes} bytes from byte
 * address {@code addr} (any alignment, any length; 0 is a no-op). The data are bus-aligned beats: the byte at
 * address A is lane {@code A mod bytesPerBeat} of its beat, so a transfer touching k bus words is k beats.
 */
public final class TransferCmd extends Bundle {
    public final UInt addr;
    public final UInt bytes;
    private final int aw;
    private final int lw;

    public TransferCmd(int addressWidth, int lengthWidth) {
        this.aw = addressWidth;
        this.lw = lengthWidth;
        addr = UInt(addressWidth);
        bytes = UInt(lengthWidth);
    }

    @Override
    public TransferCmd cloneType() {
        TransferCmd c = new TransferCmd(aw, lw);
        return isFlipped() ? flipped(c) : c;
    }
}
