package org.edgemoe.rtl.softmax;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;

/** Per-row result of the streaming pass, for R rows: {@code invSum_<k>} (prob format) and {@code max_<k>} (score format). */
public final class SoftmaxStats extends Bundle {
    public final Vec<Fix> invSum;
    public final Vec<Fix> max;
    private final FixFormat probFormat;
    private final FixFormat scoreFormat;

    public SoftmaxStats(int rows, FixFormat probFormat, FixFormat scoreFormat) {
        this.probFormat = probFormat;
        this.scoreFormat = scoreFormat;
        this.invSum = Vec(rows, Fix(probFormat));
        this.max = Vec(rows, Fix(scoreFormat));
    }

    @Override
    public SoftmaxStats cloneType() {
        SoftmaxStats b = new SoftmaxStats(invSum.size(), probFormat, scoreFormat);
        return isFlipped() ? flipped(b) : b;
    }
}
