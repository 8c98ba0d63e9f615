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
 */
public final class LinearCmd extends Bundle {
    public final CuCmd cu;
    public final UInt xBase;
    public final UInt xStride;
    public final UInt yBase;
    public final UInt yStride;
    public final Bool residAdd = Bool();

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
