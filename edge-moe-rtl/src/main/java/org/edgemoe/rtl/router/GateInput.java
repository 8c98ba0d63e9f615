package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the {@link MoeRouter}'s {@code input}: L gate-input elements (act format), lane j = x[t][b L + j] on
 * beat b, K / L beats per token in order b = 0..K/L-1 ({@code io_input_payload_x_<j>}; L = the config's input lanes). {@code task} must be constant over a token; {@code last} is sampled on the token's final
 * element and marks the layer's last token (the drain follows it).
 */
public final class GateInput extends Bundle {
    public final Vec<Fix> x;
    public final UInt task;
    public final Bool last = Bool();
    private final RouterConfig cfg;

    public GateInput(RouterConfig cfg) {
        this.cfg = cfg;
        x = Vec(cfg.inputLanes(), Fix(cfg.formats().act()));
        task = UInt(cfg.taskBits());
    }

    @Override
    public GateInput cloneType() {
        GateInput c = new GateInput(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
