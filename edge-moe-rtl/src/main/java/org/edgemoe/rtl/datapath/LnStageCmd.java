package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.rtl.layernorm.LnCmd;

/** LayerNorm of {@code tokens} tokens from the residual buffer at {@code src} into the LNO buffer at {@code dst}, with gamma/beta set {@code set}. */
public final class LnStageCmd extends Bundle {
    public final UInt set;
    public final UInt tokens = UInt(LnCmd.TOKENS_WIDTH);
    public final UInt src;
    public final UInt dst;

    private final int setWidth;
    private final int aw;

    public LnStageCmd(int setWidth, int addrWidth) {
        this.setWidth = setWidth;
        this.aw = addrWidth;
        set = UInt(setWidth);
        src = UInt(addrWidth);
        dst = UInt(addrWidth);
    }

    @Override
    public LnStageCmd cloneType() {
        LnStageCmd c = new LnStageCmd(setWidth, aw);
        return isFlipped() ? flipped(c) : c;
    }
}
