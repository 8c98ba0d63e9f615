package org.edgemoe.rtl.softmax;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;

/** One beat of probabilities for R rows ({@code prob_<k>}, prob format) with the row's {@code last} flag passed through. */
public final class SoftmaxProbs extends Bundle {
    public final Vec<Fix> prob;
    public final Bool last = Bool();
    private final FixFormat format;

    public SoftmaxProbs(int rows, FixFormat format) {
        this.format = format;
        this.prob = Vec(rows, Fix(format));
    }

    @Override
    public SoftmaxProbs cloneType() {
        SoftmaxProbs b = new SoftmaxProbs(prob.size(), format);
        return isFlipped() ? flipped(b) : b;
    }
}
