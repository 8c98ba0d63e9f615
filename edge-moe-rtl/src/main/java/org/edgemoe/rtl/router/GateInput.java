package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;

/**
 * One beat of the {@link MoeRouter}'s {@code input}: one gate-input element x[t][k] (act format), K beats per token
 * in order k = 0..K-1. {@code task} must be constant over a token; {@code last} is sampled on the token's final
 * element and marks the layer's last token (the drain follows it).
 */
public final class GateInput extends Bundle {
    public final Fix x;
    public final UInt task;
    public final Bool last = Bool();
    private final RouterConfig cfg;

    public GateInput(RouterConfig cfg) {
        this.cfg = cfg;
        x = Fix(cfg.formats().act());
        task = UInt(cfg.taskBits());
    }

    @Override
    public GateInput cloneType() {
        GateInput c = new GateInput(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
