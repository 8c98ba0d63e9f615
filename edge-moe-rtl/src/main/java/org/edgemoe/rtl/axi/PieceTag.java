package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** An entry of the {@link StripedReadMaster}'s order queue: the port that reads a piece, and whether it ends its transfer. */
public final class PieceTag extends Bundle {
    public final UInt port;
    public final Bool last = Bool();
    private final int pw;

    public PieceTag(int portWidth) {
        this.pw = portWidth;
        port = UInt(portWidth);
    }

    @Override
    public PieceTag cloneType() {
        PieceTag c = new PieceTag(pw);
        return isFlipped() ? flipped(c) : c;
    }
}
