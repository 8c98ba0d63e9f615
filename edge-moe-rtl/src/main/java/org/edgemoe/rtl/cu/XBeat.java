package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the {@link ComputeUnit}'s {@code x} stream: the {@code rows} activations of one token for one input
 * tile, {@code lanes(r)} = x[t][kt*rows + r] in the act format ({@code io_x_payload_lanes_<r>}; lane r enters
 * array row r).
 */
public final class XBeat extends Bundle {
    public final Vec<Fix> lanes;
    private final CuConfig cfg;

    public XBeat(CuConfig cfg) {
        this.cfg = cfg;
        lanes = Vec(cfg.rows(), Fix(cfg.formats().act()));
    }

    @Override
    public XBeat cloneType() {
        XBeat c = new XBeat(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
