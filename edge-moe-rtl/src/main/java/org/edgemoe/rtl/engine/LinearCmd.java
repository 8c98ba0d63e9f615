package org.edgemoe.rtl.engine;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.rtl.cu.CuCmd;
import org.edgemoe.rtl.cu.CuConfig;

/**
 * One linear layer on the {@link LinearEngine}: the compute unit's command and where its operands live.
 * x is read from the source buffer at {@code xBase + t * xStride + k} (token t, input tile k), y written to
 * the destination buffer at {@code yBase + t * yStride + o} (output tile o). With {@code residAdd} the
 * output is added into the residual buffer: {@code dest} words are read from the same addresses and the
 * compute unit's expert scale-accumulate runs with a score of exactly 1.0, which is
 * {@code HwOps.residualAdd(dest, y)} bit for bit (the product by 2^P is exact and floor(2^P y / 2^P) = y).
 * Strides are in buffer words (one word = one x or y beat).
 *
 * <p>Experts: {@code gatherX} reads x rows of the tokens in the engine's expert list (an expert's FC1 over its
 * own tokens), {@code scatterY} writes y rows back to them; with {@code cu.expert} each output is
 * {@code scaleAccumulate(dest, y, score)} with the list entry's gate score: a token's best expert (rank 0)
 * accumulates into the residual buffer, its second (rank 1) into the second buffer from a dest of zero, so
 * the two contributions can be added afterwards in the model's order, best expert first.
 */
public final class LinearCmd extends Bundle {
    public final CuCmd cu;
    public final UInt xBase;
    public final UInt xStride;
    public final UInt yBase;
    public final UInt yStride;
    public final Bool residAdd = Bool();
    /** x rows through the expert list: token list[i].index instead of token i (an expert's FC1). */
    public final Bool gatherX = Bool();
    /** y (and dest) rows through the expert list (an expert's FC2, with {@code cu.expert}). */
    public final Bool scatterY = Bool();

    private final CuConfig cfg;
    private final int aw;

    public LinearCmd(CuConfig cfg, int addrWidth) {
        this.cfg = cfg;
        this.aw = addrWidth;
        cu = new CuCmd(cfg);
        xBase = UInt(addrWidth);
        xStride = UInt(addrWidth);
        yBase = UInt(addrWidth);
        yStride = UInt(addrWidth);
    }

    @Override
    public LinearCmd cloneType() {
        LinearCmd c = new LinearCmd(cfg, aw);
        return isFlipped() ? flipped(c) : c;
    }
}
