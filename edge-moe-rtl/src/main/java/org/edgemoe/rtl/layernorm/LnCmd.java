package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** One {@link LayerNorm} command: normalise the next {@code tokens} tokens of the input with gamma/beta set {@code set}. */
public final class LnCmd extends Bundle {
    public static final int TOKENS_WIDTH = 16;
    public final UInt set;
    public final UInt tokens = UInt(TOKENS_WIDTH);
    private final int setWidth;

    public LnCmd(int setWidth) {
        this.setWidth = setWidth;
        set = UInt(setWidth);
    }

    @Override
    public LnCmd cloneType() {
        LnCmd c = new LnCmd(setWidth);
        return isFlipped() ? flipped(c) : c;
    }
}
