package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the gamma/beta parameter memory: lanes {@code beat * L .. beat * L + L - 1} of set {@code s}
 * at {@code addr = s * (D / L) + beat}, gamma in the weightNorm format, beta in the weightBias format.
 */
public final class LnParamWrite extends Bundle {
    public final UInt addr;
    public final Vec<Fix> gamma;
    public final Vec<Fix> beta;
    private final LnConfig cfg;

    public LnParamWrite(LnConfig cfg) {
        this.cfg = cfg;
        addr = UInt(cfg.paramAddrWidth());
        gamma = Vec(cfg.lanes(), Fix(cfg.gamma()));
        beta = Vec(cfg.lanes(), Fix(cfg.beta()));
    }

    @Override
    public LnParamWrite cloneType() {
        LnParamWrite c = new LnParamWrite(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
