package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * The sticky error status of an AXI master: set by the first SLVERR or DECERR response, with that response and
 * the address of the failing burst, until {@code clear}.
 */
public final class AxiError extends Bundle {
    public final Bool valid = Bool();
    public final UInt resp = UInt(2);
    public final UInt addr;
    private final int aw;

    public AxiError(int addressWidth) {
        this.aw = addressWidth;
        addr = UInt(addressWidth);
    }

    @Override
    public AxiError cloneType() {
        AxiError c = new AxiError(aw);
        return isFlipped() ? flipped(c) : c;
    }
}
