package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;

/** One bus-aligned data beat of a transfer; {@code last} marks the transfer's final beat. */
public final class ReadBeat extends Bundle {
    public final Bits data;
    public final Bool last = Bool();
    private final int dw;

    public ReadBeat(int dataWidth) {
        this.dw = dataWidth;
        data = Bits(dataWidth);
    }

    @Override
    public ReadBeat cloneType() {
        ReadBeat c = new ReadBeat(dw);
        return isFlipped() ? flipped(c) : c;
    }
}
