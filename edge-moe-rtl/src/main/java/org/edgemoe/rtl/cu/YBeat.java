package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the {@link ComputeUnit}'s {@code y} stream: {@code cols} outputs of one token,
 * {@code lanes(c)} = y[t][ot*cols + c] ({@code io_y_payload_lanes_<c>}), each the raw value of the command's output
 * format (act, or resid for {@code outResid} and expert commands) sign-extended to max(act, resid) bits: a plain
 * signed integer, since the format depends on the command.
 */
public final class YBeat extends Bundle {
    public final Vec<SInt> lanes;
    private final CuConfig cfg;

    public YBeat(CuConfig cfg) {
        this.cfg = cfg;
        lanes = Vec(cfg.cols(), SInt(cfg.outWidth()));
    }

    @Override
    public YBeat cloneType() {
        YBeat c = new YBeat(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
