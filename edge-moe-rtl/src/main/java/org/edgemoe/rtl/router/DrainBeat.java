package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;

/**
 * One beat of the {@link MoeRouter}'s {@code drain}: after a layer, each non-empty expert in index order as a
 * header beat ({@code header}, {@code expert}, {@code count} = its queue length; score and token 0) followed by
 * its queue, one entry beat per token in arrival order ({@code expert}, {@code token}, {@code score} in the prob
 * format; count 0). {@code last} marks the layer's final entry.
 */
public final class DrainBeat extends Bundle {
    public final Fix score;
    public final UInt token;
    public final UInt expert;
    public final UInt count;
    public final Bool header = Bool();
    public final Bool last = Bool();
    private final RouterConfig cfg;

    public DrainBeat(RouterConfig cfg) {
        this.cfg = cfg;
        score = Fix(cfg.formats().prob());
        token = UInt(cfg.tokenBits());
        expert = UInt(cfg.expertBits());
        count = UInt(cfg.countBits());
    }

    @Override
    public DrainBeat cloneType() {
        DrainBeat c = new DrainBeat(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
