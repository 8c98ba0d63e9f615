package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** What travels with an exp(-t) argument through the router's {@link TaggedExpLane}. */
public final class ExpTag extends Bundle {
    /** A probability-step argument (rank {@code rank}), else a softmax-scan one. */
    public final Bool prob = Bool();
    /** Scan: x_j was above the running maximum (the sum is rescaled). */
    public final Bool big = Bool();
    /** The last argument of its scan or probability step. */
    public final Bool last = Bool();
    public final UInt rank;
    private final int rankBits;

    public ExpTag(int rankBits) {
        this.rankBits = rankBits;
        rank = UInt(rankBits);
    }

    @Override
    public ExpTag cloneType() {
        ExpTag c = new ExpTag(rankBits);
        return isFlipped() ? flipped(c) : c;
    }
}
