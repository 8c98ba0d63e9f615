package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * One attention output row: {@code value_<c>} (act format, c = 0 .. headDim-1) of token {@code token} of
 * head {@code head}; {@code last} is high on the head's final row (token T-1). Rows of a head leave in
 * token order.
 */
public final class AttnRow extends Bundle {
    public final UInt head;
    public final UInt token;
    public final Vec<Fix> value;
    public final Bool last = Bool();
    private final AttnConfig cfg;

    public AttnRow(AttnConfig cfg) {
        this.cfg = cfg;
        this.head = UInt(cfg.headWidth());
        this.token = UInt(cfg.tokenWidth());
        this.value = Vec(cfg.headDim(), Fix(cfg.act()));
    }

    @Override
    public AttnRow cloneType() {
        AttnRow b = new AttnRow(cfg);
        return isFlipped() ? flipped(b) : b;
    }
}
