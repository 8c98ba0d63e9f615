package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** An entry of the {@link AxiReadArbiter}'s grant-order queue: the input a burst was granted to, and its ARID. */
public final class ReadGrant extends Bundle {
    public final UInt input;
    public final UInt id;
    private final int iw;
    private final int idw;

    public ReadGrant(int inputWidth, int idWidth) {
        this.iw = inputWidth;
        this.idw = idWidth;
        input = UInt(inputWidth);
        id = UInt(Math.max(1, idWidth));
    }

    @Override
    public ReadGrant cloneType() {
        ReadGrant c = new ReadGrant(iw, idw);
        return isFlipped() ? flipped(c) : c;
    }
}
