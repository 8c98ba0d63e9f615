package org.edgemoe.rtl.softmax;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;

/** One beat of R rows: a score per row ({@code score_<k>}) and {@code last}, high on each row's final beat. */
public final class SoftmaxScores extends Bundle {
    public final Vec<Fix> score;
    public final Bool last = Bool();
    private final FixFormat format;

    public SoftmaxScores(int rows, FixFormat format) {
        this.format = format;
        this.score = Vec(rows, Fix(format));
    }

    @Override
    public SoftmaxScores cloneType() {
        SoftmaxScores b = new SoftmaxScores(score.size(), format);
        return isFlipped() ? flipped(b) : b;
    }
}
