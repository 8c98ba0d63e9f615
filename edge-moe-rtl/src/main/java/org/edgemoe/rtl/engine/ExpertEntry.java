package org.edgemoe.rtl.engine;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;

/** Entry {@code pos} of the current expert's token list: the token, its gate score and whether the expert is its second. */
public final class ExpertEntry extends Bundle {
    public final UInt pos;
    public final UInt token;
    public final Fix score;
    public final Bool second = Bool();

    private final int pw;
    private final int tw;
    private final FixFormat prob;

    public ExpertEntry(int posWidth, int tokenWidth, FixFormat prob) {
        this.pw = posWidth;
        this.tw = tokenWidth;
        this.prob = prob;
        pos = UInt(posWidth);
        token = UInt(tokenWidth);
        score = Fix(prob);
    }

    @Override
    public ExpertEntry cloneType() {
        ExpertEntry c = new ExpertEntry(pw, tw, prob);
        return isFlipped() ? flipped(c) : c;
    }
}
