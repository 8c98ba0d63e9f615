package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Vec;

/** One buffer beat: L elements ({@code data_<i>}, act format) of a Q, K or V row. */
public final class AttnBeat extends Bundle {
    public final Vec<Fix> data;
    private final AttnConfig cfg;

    public AttnBeat(AttnConfig cfg) {
        this.cfg = cfg;
        this.data = Vec(cfg.beat(), Fix(cfg.act()));
    }

    @Override
    public AttnBeat cloneType() {
        AttnBeat b = new AttnBeat(cfg);
        return isFlipped() ? flipped(b) : b;
    }
}
