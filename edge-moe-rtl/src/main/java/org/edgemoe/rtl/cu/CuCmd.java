package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * One layer command of the {@link ComputeUnit}: y[t] = W x[t] + b for t = 0..tokens-1, W of
 * outSize x inSize. inSize must be a multiple of the array's rows (>= rows), outSize a multiple of its
 * columns, tokens >= 1 (pad with zero weights otherwise: zero products are exact).
 */
public final class CuCmd extends Bundle {
    public final UInt inSize;
    public final UInt outSize;
    public final UInt tokens;
    /** A bias row precedes every output tile's weights (else b = 0). */
    public final Bool bias = Bool();
    /** Bias in the Q/K/V/proj format (weightAttnBias, SQ7.9) instead of weightBias (SQ5.11). */
    public final Bool attnBias = Bool();
    /** Narrow to the resid format instead of act (forced by expert). */
    public final Bool outResid = Bool();
    /** Fused GELU on the act-format outputs. */
    public final Bool gelu = Bool();
    /** Expert mode: y = scaleAccumulate(dest, y, score), dest and score from the dest stream. */
    public final Bool expert = Bool();

    private final CuConfig cfg;

    public CuCmd(CuConfig cfg) {
        this.cfg = cfg;
        inSize = UInt(cfg.inSizeWidth());
        outSize = UInt(cfg.outSizeWidth());
        tokens = UInt(cfg.tokensWidth());
    }

    @Override
    public CuCmd cloneType() {
        CuCmd c = new CuCmd(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
