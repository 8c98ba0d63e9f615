package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the {@link ComputeUnit}'s {@code dest} stream (expert commands only, one per output beat): the
 * residual values the output is added into, {@code resid(c)} = dest[t][ot*cols + c] in the resid format
 * ({@code io_dest_payload_resid_<c>}), and the token's gate score p[t] in the prob format
 * ({@code io_dest_payload_score}).
 */
public final class DestBeat extends Bundle {
    public final Vec<Fix> resid;
    public final Fix score;
    private final CuConfig cfg;

    public DestBeat(CuConfig cfg) {
        this.cfg = cfg;
        resid = Vec(cfg.cols(), Fix(cfg.formats().resid()));
        score = Fix(cfg.formats().prob());
    }

    @Override
    public DestBeat cloneType() {
        DestBeat c = new DestBeat(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
