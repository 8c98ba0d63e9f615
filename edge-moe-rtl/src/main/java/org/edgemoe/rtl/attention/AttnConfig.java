package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.log2Up;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.hw.Formats;

/**
 * Parameters of the attention engine. {@code lanes} (P): queries worked on at once, one query lane each;
 * {@code beat} (L): elements of a Q, K or V row per buffer beat, so a row is {@link #parts()} = headDim / L
 * beats and each lane does L multiply-accumulates per cycle; {@code tMax}: the largest token count a command
 * may ask for (the score stores' depth); {@code heads}: head indices a command may name; {@code divSteps}:
 * quotient bits per cycle of each lane's softmax divider ({@code StreamingSoftmax}).
 */
public record AttnConfig(Formats formats, int lanes, int beat, int headDim, int tMax, int heads, int divSteps) {

    /** Default: dsp18, 8 lanes, whole 64-element rows per beat (512 MAC/cycle), T <= 129, 3 heads. */
    public static final AttnConfig DEFAULT = new AttnConfig(Formats.dsp18(), 8, 64, 64, 129, 3, 2);

    public AttnConfig {
        if (lanes < 1 || beat < 1 || headDim < 1 || tMax < 1 || heads < 1 || divSteps < 1) {
            throw new IllegalArgumentException("attention engine parameters must be >= 1: lanes " + lanes
                    + ", beat " + beat + ", headDim " + headDim + ", tMax " + tMax + ", heads " + heads
                    + ", divSteps " + divSteps);
        }
        if (headDim % beat != 0) {
            throw new IllegalArgumentException("beat " + beat + " must divide the head dimension " + headDim);
        }
        if (!formats.act().signed() || formats.act().fracBits() < 6) {
            throw new IllegalArgumentException("act must be signed with >= 6 fraction bits: " + formats.act());
        }
    }

    public static AttnConfig of(Formats f, int lanes, int beat) {
        return new AttnConfig(f, lanes, beat, 64, 129, 3, DEFAULT.divSteps);
    }

    public AttnConfig withLanes(int p) {
        return new AttnConfig(formats, p, beat, headDim, tMax, heads, divSteps);
    }

    public AttnConfig withTMax(int t) {
        return new AttnConfig(formats, lanes, beat, headDim, t, heads, divSteps);
    }

    /** Beats per Q / K / V row. */
    public int parts() { return headDim / beat; }
    public FixFormat act() { return formats.act(); }
    public FixFormat acc() { return formats.acc(); }
    public int actWidth() { return formats.act().width(); }
    public int accWidth() { return formats.acc().width(); }
    /** Fraction bits P of probabilities; a probability is in [0, 1], held as P + 1 unsigned bits. */
    public int probFrac() { return formats.prob().fracBits(); }
    /** Width of the shared multiplier operands (act, or a probability as a signed value). */
    public int opWidth() { return Math.max(actWidth(), probFrac() + 2); }
    /** q x k products aligned to the accumulator: floor(prod / 2^shift) (negative: exact left shift). */
    public int scoreShift() { return 2 * act().fracBits() - acc().fracBits(); }
    /** p x v products aligned to the accumulator. */
    public int outShift() { return probFrac() + act().fracBits() - acc().fracBits(); }
    /** The accumulator read with the 1/8 score scale folded in (3 more fraction bits). */
    public FixFormat scaledAcc() {
        return FixFormat.ofWidth(true, accWidth(), acc().fracBits() + ModelShape.SCORE_SCALE_SHIFT);
    }
    public int tokenWidth() { return log2Up(tMax); }
    public int countWidth() { return log2Up(tMax + 1); }
    public int headWidth() { return log2Up(heads); }
    public int partWidth() { return log2Up(parts()); }
    public int laneWidth() { return log2Up(lanes); }
    public int nqWidth() { return log2Up(lanes + 1); }
    /** Key-beat index within a block: 0 .. T + nq - 2. */
    public int kcWidth() { return log2Up(tMax + lanes - 1); }
    /** Multiply-accumulates per cycle when every lane is busy. */
    public int macsPerCycle() { return lanes * beat; }

    @Override
    public String toString() {
        return formats.name() + " P=" + lanes + " L=" + beat + " d=" + headDim + " T<=" + tMax + " heads=" + heads;
    }
}
