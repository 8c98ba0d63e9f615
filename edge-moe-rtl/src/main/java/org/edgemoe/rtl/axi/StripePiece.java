package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * One piece of a striped transfer, as the {@link PieceCutter} cuts it: {@code bytes} (1..4096) from {@code addr},
 * never across a 4 KB boundary, for read port {@code port}; {@code last} on the transfer's final piece.
 */
public final class StripePiece extends Bundle {
    /** Bits of a piece's byte count: 1..4096. */
    public static final int BYTES_WIDTH = 13;

    public final UInt addr;
    public final UInt bytes = UInt(BYTES_WIDTH);
    public final UInt port;
    public final Bool last = Bool();
    private final int aw;
    private final int pw;

    public StripePiece(int addressWidth, int portWidth) {
        this.aw = addressWidth;
        this.pw = portWidth;
        addr = UInt(addressWidth);
        port = UInt(portWidth);
    }

    @Override
    public StripePiece cloneType() {
        StripePiece c = new StripePiece(aw, pw);
        return isFlipped() ? flipped(c) : c;
    }
}
