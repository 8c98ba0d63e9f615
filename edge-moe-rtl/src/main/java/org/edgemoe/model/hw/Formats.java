package org.edgemoe.model.hw;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;

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
public record Formats(String name, FixFormat act, FixFormat resid, FixFormat acc, FixFormat prob,
                      FixFormat weightLinear, FixFormat weightAttnBias, FixFormat weightBias,
                      FixFormat weightNorm, FixFormat weightPatch, FixFormat pixel,
                      Rounding rounding, Overflow overflow) {

    /** HLS {@code fm_t = ap_fixed<32,10>}: LSB 2^-22, range +-512. */
    public static final FixFormat FM = FixFormat.signedWI(32, 10);

    /**
     * The published Edge-MoE formats (reference section 3): everything on chip is fm (SQ10.22),
     * weights ap_fixed&lt;16, I&gt;, truncation and wrap-around (HLS defaults).
     */
    public static Formats published() {
        return new Formats("published", FM, FM, FM, FM,
                FixFormat.signedWI(16, 2), FixFormat.signedWI(16, 7), FixFormat.signedWI(16, 5),
                FixFormat.signedWI(16, 5), FixFormat.signedWI(16, 0), FixFormat.unsignedWI(8, 0),
                Rounding.TRUNCATE, Overflow.WRAP);
    }

    /**
     * One DSP48E2 per multiply-accumulate: 18-bit activations SQ8.10 (range +-128, LSB 2^-10; the
     * measured peak is about 83, a LayerNorm output of layer 9) times the published 16-bit weights,
     * products of at most 34 bits summed in the DSP's 48-bit accumulator SQ24.24 (exact for
     * act x weight products); probabilities SQ2.16. The residual stream stays SQ10.22: it is only
     * added to, never a DSP operand. Round half up and saturation where values are narrowed.
     */
    public static Formats dsp18() {
        return new Formats("dsp18", FixFormat.ofWidth(true, 18, 10), FM, FixFormat.ofWidth(true, 48, 24),
                FixFormat.ofWidth(true, 18, 16),
                FixFormat.signedWI(16, 2), FixFormat.signedWI(16, 7), FixFormat.signedWI(16, 5),
                FixFormat.signedWI(16, 5), FixFormat.signedWI(16, 0), FixFormat.unsignedWI(8, 0),
                Rounding.ROUND_HALF_UP, Overflow.SATURATE);
    }

    /** Running softmax sum: prob's fraction bits, 8 more integer bits (holds the 129 terms of a row). */
    public FixFormat softmaxSum() {
        return FixFormat.ofWidth(true, prob.width() + 8, prob.fracBits());
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
