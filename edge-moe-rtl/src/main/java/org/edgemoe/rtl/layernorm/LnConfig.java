package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.log2Up;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.RsqrtUnit;

/**
 * Parameters of the {@link LayerNorm} unit: the profile's formats (input {@code resid}, output {@code act},
 * gamma {@code weightNorm}, beta {@code weightBias}), the token length {@code dim} (D), the lanes per beat
 * (L, which must divide D) and the number of gamma/beta sets held on chip ({@code sets}, one per LayerNorm
 * of the backbone: 2 per layer).
 *
 * <p>Derived widths, all exact for every input of the input format (w bits, F fraction bits): the token sum
 * w + ceil(log2 D) bits signed; a floored square 2w - 1 - F bits unsigned, their sum ceil(log2 D) more;
 * the variance 2w - F bits unsigned (after clamping to 1 LSB); the normalisation shift 24 + e lies in
 * [{@link #minNormShift()}, {@link #maxNormShift()}].
 */
public record LnConfig(Formats formats, int dim, int lanes, int sets) {

    public LnConfig {
        if (lanes < 1 || dim < 1 || dim % lanes != 0) {
            throw new IllegalArgumentException("lanes (" + lanes + ") must divide dim (" + dim + ")");
        }
        if (sets < 1) {
            throw new IllegalArgumentException("at least one gamma/beta set, got " + sets);
        }
        FixFormat x = formats.resid();
        if (!x.signed() || x.fracBits() < 0 || x.fracBits() > 46 || x.width() > 40) {
            throw new IllegalArgumentException("LayerNorm input " + x + " must be signed, at most 40 bits, 0..46 fraction bits");
        }
        if (!formats.weightNorm().signed() || !formats.weightBias().signed() || !formats.act().signed()) {
            throw new IllegalArgumentException("gamma, beta and the output must be signed formats");
        }
    }

    /** Default: published formats, D = 192, 16 lanes (12 beats a token), 24 sets (2 LayerNorms x 12 layers). */
    public static LnConfig defaults() {
        return of(Formats.published());
    }

    public static LnConfig of(Formats f) {
        return new LnConfig(f, ModelShape.DIM, 16, 2 * ModelShape.LAYERS);
    }

    public LnConfig withShape(int dim, int lanes, int sets) {
        return new LnConfig(formats, dim, lanes, sets);
    }

    public FixFormat in() { return formats.resid(); }
    public FixFormat out() { return formats.act(); }
    public FixFormat gamma() { return formats.weightNorm(); }
    public FixFormat beta() { return formats.weightBias(); }

    /** Beats per token, D / L. */
    public int beats() { return dim / lanes; }
    public int xWidth() { return in().width(); }
    public int frac() { return in().fracBits(); }
    public int sumWidth() { return xWidth() + log2Up(dim); }
    /** Width of floor(x^2 / 2^F), unsigned. */
    public int squareWidth() { return 2 * xWidth() - 1 - frac(); }
    public int sumSqWidth() { return squareWidth() + log2Up(dim); }
    /** Width of the clamped variance (unsigned). */
    public int varWidth() { return squareWidth() + 1; }
    /** eps in raw LSBs of the input format, as the golden model rounds it. */
    public long eps() { return Math.round(Math.scalb(ModelShape.LN_EPS, frac())); }

    public int minNormShift() { return RsqrtUnit.MANTISSA.fracBits() + Math.floorDiv(-frac(), 2); }
    public int maxNormShift() { return RsqrtUnit.MANTISSA.fracBits() + Math.floorDiv(varWidth() - 1 - frac(), 2); }
    public int normShiftWidth() { return log2Up(maxNormShift() - minNormShift() + 1); }

    /** Address of a gamma/beta beat: set * beats + beat. */
    public int paramDepth() { return sets * beats(); }
    public int paramAddrWidth() { return Math.max(1, log2Up(paramDepth())); }
    public int setWidth() { return Math.max(1, log2Up(sets)); }
}
