package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.Vec;

/**
 * One beat of the {@link ComputeUnit}'s {@code weight} stream: a row of {@code cols} 16-bit raw values,
 * {@code lanes(c)} for output column c of the tile ({@code io_weight_payload_lanes_<c>}). A weight row holds
 * W[ot*cols + c][kt*rows + r] in the weightLinear format; the bias row that opens an output tile holds b[ot*cols + c]
 * in the command's bias format (weightBias, or weightAttnBias when {@code attnBias}), so the lanes are plain
 * signed integers rather than one fixed-point format. {@link WeightStream} gives the order of the rows.
 */
public final class WeightRow extends Bundle {
    public final Vec<SInt> lanes;
    private final CuConfig cfg;

    public WeightRow(CuConfig cfg) {
        this.cfg = cfg;
        lanes = Vec(cfg.cols(), SInt(CuConfig.WEIGHT_WIDTH));
    }

    @Override
    public WeightRow cloneType() {
        WeightRow c = new WeightRow(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
