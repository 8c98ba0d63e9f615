package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the {@link MoeRouter}'s {@code route}, one per token: its k selected experts in rank order, best
 * first ({@code expert(r)}, {@code io_route_payload_expert_<r>}), their gate scores in the prob format
 * ({@code score(r)}), the token's number in the layer and {@code last} for the layer's last token.
 */
public final class RouteBeat extends Bundle {
    public final Vec<Fix> score;
    public final Vec<UInt> expert;
    public final UInt token;
    public final Bool last = Bool();
    private final RouterConfig cfg;

    public RouteBeat(RouterConfig cfg) {
        this.cfg = cfg;
        score = Vec(cfg.topK(), Fix(cfg.formats().prob()));
        expert = Vec(cfg.topK(), UInt(cfg.expertBits()));
        token = UInt(cfg.tokenBits());
    }

    @Override
    public RouteBeat cloneType() {
        RouteBeat c = new RouteBeat(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
