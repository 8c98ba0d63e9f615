package org.edgemoe.model.hw;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.hdl.fixed.Rounding;

/**
 * Single-pass (online) softmax, reference section 4, for attention rows and the MoE gate.
 *
 * <p>Scores are raw with F >= 6 fraction bits, consumed in array order. State: running max b (score
 * format) and running sum s (format {@link Formats#softmaxSum()}: prob's fraction bits P, 8 more
 * integer bits). Start: b = x[0], s = 1. For each next x: if x &gt; b then
 * {@code s = rnd(s * expNeg(x - b) / 2^P) + 1; b = x}, else {@code s = s + expNeg(b - x)}, where
 * expNeg is {@link ExpUnit#expNeg} into prob format and rnd the profile's rounding (both: a floor in the
 * published profile, round half up in dsp18, which removes the downward bias of flooring every term);
 * s is kept in its format with the profile's overflow mode. After the row:
 * {@code invSum = floor(2^(2P) / s)} (an exact divider, prob format), and
 * {@code probs[j] = rnd(expNeg(b - x[j]) * invSum / 2^P)} (prob format). The order matters (the
 * rescale rounds): callers with a staggered key order must pass the row in that order.
 */
public final class SoftmaxUnit {

    private SoftmaxUnit() {
    }

    public static SoftmaxRow softmaxRow(long[] scores, FixFormat scoreFormat, Formats f) {
        int frac = scoreFormat.fracBits();
        FixFormat prob = f.prob();
        FixFormat sumFormat = f.softmaxSum();
        int p = prob.fracBits();
        long one = 1L << p;
        Rounding rnd = f.rounding();
        long b = scores[0];
        long s = one;
        for (int j = 1; j < scores.length; j++) {
            long x = scores[j];
            if (x > b) {
                s = FixedRaw.shiftRound(s * ExpUnit.expNeg(x - b, frac, prob, rnd), p, rnd) + one;
                b = x;
            } else {
                s = s + ExpUnit.expNeg(b - x, frac, prob, rnd);
            }
            s = FixedRaw.fit(s, sumFormat, f.overflow());
        }
        long inv = (1L << (2 * p)) / s;
        long[] probs = new long[scores.length];
        for (int j = 0; j < scores.length; j++) {
            probs[j] = FixedRaw.shiftRound(ExpUnit.expNeg(b - scores[j], frac, prob, rnd) * inv, p, rnd);
        }
        return new SoftmaxRow(inv, b, probs);
    }
}
