package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the {@link MoeRouter}'s {@code weights}: gate column {@code index} of {@code task}, lane e =
 * gate[task][e][index] in the weightLinear format ({@code io_weights_payload_w_<e>}, one lane per expert).
 */
public final class GateColumn extends Bundle {
    public final Vec<Fix> w;
    public final UInt index;
    public final UInt task;
    private final RouterConfig cfg;

    public GateColumn(RouterConfig cfg) {
        this.cfg = cfg;
        w = Vec(cfg.experts(), Fix(cfg.formats().weightLinear()));
        index = UInt(cfg.indexBits());
        task = UInt(cfg.taskBits());
    }

    @Override
    public GateColumn cloneType() {
        GateColumn c = new GateColumn(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
