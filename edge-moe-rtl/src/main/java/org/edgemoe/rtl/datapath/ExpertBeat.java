package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * One beat of the router's drain after a layer's last token: a header (expert, its token count) before each
 * non-empty expert's entries, then one entry (token, gate score) per token routed to it; {@code last} on the
 * layer's final entry.
 */
public final class ExpertBeat extends Bundle {
    public final Bool header = Bool();
    public final Bool last = Bool();
    public final UInt expert;
    public final UInt count;
    public final UInt token;
    public final Fix score;

    private final int eb;
    private final int cb;
    private final int tb;
    private final FixFormat prob;

    public ExpertBeat(int expertWidth, int countWidth, int tokenWidth, FixFormat prob) {
        this.eb = expertWidth;
        this.cb = countWidth;
        this.tb = tokenWidth;
        this.prob = prob;
        expert = UInt(expertWidth);
        count = UInt(countWidth);
        token = UInt(tokenWidth);
        score = Fix(prob);
    }

    @Override
    public ExpertBeat cloneType() {
        ExpertBeat c = new ExpertBeat(eb, cb, tb, prob);
        return isFlipped() ? flipped(c) : c;
    }
}
