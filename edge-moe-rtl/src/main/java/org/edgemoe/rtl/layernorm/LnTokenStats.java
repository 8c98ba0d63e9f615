package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;

/** A token's statistics waiting for its normalisation: mean, 1/sqrt(var) as mantissa and shift, and where its gamma/beta set starts. */
public final class LnTokenStats extends Bundle {
    public final SInt mean;
    public final UInt mantissa;
    public final UInt shift;
    public final UInt paramBase;
    private final int mw;
    private final int aw;
    private final int sw;
    private final int pw;

    public LnTokenStats(int meanWidth, int mantWidth, int shiftWidth, int paramWidth) {
        mw = meanWidth;
        aw = mantWidth;
        sw = shiftWidth;
        pw = paramWidth;
        mean = SInt(mw);
        mantissa = UInt(aw);
        shift = UInt(sw);
        paramBase = UInt(pw);
    }

    @Override
    public LnTokenStats cloneType() {
        LnTokenStats c = new LnTokenStats(mw, aw, sw, pw);
        return isFlipped() ? flipped(c) : c;
    }
}
