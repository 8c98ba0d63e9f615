package org.edgemoe.model.hw;

import org.edgemoe.model.fixed.FixedFormat;
import org.edgemoe.model.fixed.Overflow;
import org.edgemoe.model.fixed.Rounding;

/**
 * The number formats of one hardware profile. {@code act}: every multiplier operand computed on chip
 * (LayerNorm outputs, Q/K/V, attention scores and outputs, GELU hidden values, gate logits);
 * {@code resid}: the residual stream and everything added into it (patch embedding, projection, FC2
 * and expert outputs); {@code acc}: the accumulator of every dot product; {@code prob}: exp values,
 * softmax probabilities and 1/sum. Weights each have their own format.
 *
 * <p>{@code rounding} and {@code overflow} apply wherever a value is written in a narrower format
 * (accumulator to output, residual adds, weight quantisation). Individual products entering an
 * accumulator, table interpolation and the exp/softmax unit always truncate (dropped wires), and
 * accumulators always wrap (two's complement adders), in both profiles.
 */
public record Formats(String name, FixedFormat act, FixedFormat resid, FixedFormat acc, FixedFormat prob,
                      FixedFormat weightLinear, FixedFormat weightAttnBias, FixedFormat weightBias,
                      FixedFormat weightNorm, FixedFormat weightPatch, FixedFormat pixel,
                      Rounding rounding, Overflow overflow) {

    /** HLS {@code fm_t = ap_fixed<32,10>}: LSB 2^-22, range +-512. */
    public static final FixedFormat FM = FixedFormat.signedWI(32, 10);

    /**
     * The published Edge-MoE formats (reference section 3): everything on chip is fm (S32.22),
     * weights ap_fixed&lt;16, I&gt;, truncation and wrap-around (HLS defaults).
     */
    public static Formats published() {
        return new Formats("published", FM, FM, FM, FM,
                FixedFormat.signedWI(16, 2), FixedFormat.signedWI(16, 7), FixedFormat.signedWI(16, 5),
                FixedFormat.signedWI(16, 5), FixedFormat.signedWI(16, 0), FixedFormat.unsignedWI(8, 0),
                Rounding.TRUNCATE, Overflow.WRAP);
    }

    /**
     * One DSP48E2 per multiply-accumulate: 18-bit activations S18.10 (range +-128, LSB 2^-10; the
     * measured peak is about 83, a LayerNorm output of layer 9) times the published 16-bit weights,
     * products of at most 34 bits summed in the DSP's 48-bit accumulator S48.24 (exact for
     * act x weight products); probabilities S18.16. The residual stream stays S32.22: it is only
     * added to, never a DSP operand. Round half up and saturation where values are narrowed.
     */
    public static Formats dsp18() {
        return new Formats("dsp18", new FixedFormat(true, 18, 10), FM, new FixedFormat(true, 48, 24),
                new FixedFormat(true, 18, 16),
                FixedFormat.signedWI(16, 2), FixedFormat.signedWI(16, 7), FixedFormat.signedWI(16, 5),
                FixedFormat.signedWI(16, 5), FixedFormat.signedWI(16, 0), FixedFormat.unsignedWI(8, 0),
                Rounding.ROUND_HALF_UP, Overflow.SATURATE);
    }

    /** Running softmax sum: prob's fraction bits, 8 more integer bits (holds the 129 terms of a row). */
    public FixedFormat softmaxSum() {
        return new FixedFormat(true, prob.width() + 8, prob.fracBits());
    }

    public static Formats byName(String name) {
        switch (name) {
            case "published":
                return published();
            case "dsp18":
                return dsp18();
            default:
                throw new IllegalArgumentException("unknown profile " + name);
        }
    }
}
