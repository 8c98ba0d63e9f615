package org.edgemoe.model.hw;

import org.edgemoe.model.ModelShape;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.hdl.fixed.Overflow;

/**
 * Attention of one head. q, k, v are [token][headDim] raw in the act format (F fraction bits).
 *
 * <p>Score: {@code acc = sum_c floor(q_c * k_c / 2^(2F - A))} (A = acc fraction bits; a left shift
 * when 2F &lt; A), wrapped in the accumulator; the 1/8 scale is a reinterpretation with A + 3
 * fraction bits; the score is written to act with the profile's rounding and overflow. Each query's
 * row of 129 scores goes through {@link SoftmaxUnit} in key order 0..128. Output:
 * {@code acc = sum_j floor(p_j * v_jc / 2^(P + F - A))} (P = prob fraction bits), wrapped, written to
 * act with the profile's rounding and overflow.
 */
public final class AttentionUnit {

    private AttentionUnit() {
    }

    public static long[][] head(long[][] q, long[][] k, long[][] v, Formats f) {
        int n = q.length;
        FixFormat act = f.act();
        FixFormat acc = f.acc();
        int scoreShift = 2 * act.fracBits() - acc.fracBits();
        int outShift = f.prob().fracBits() + act.fracBits() - acc.fracBits();
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] scores = new long[n];
            for (int j = 0; j < n; j++) {
                long sum = 0;
                for (int c = 0; c < q[i].length; c++) {
                    sum += FixedRaw.floorShift(q[i][c] * k[j][c], scoreShift);
                }
                long wrapped = FixedRaw.fit(sum, acc, Overflow.WRAP);
                scores[j] = FixedRaw.convert(wrapped, acc.fracBits() + ModelShape.SCORE_SCALE_SHIFT, act,
                        f.rounding(), f.overflow());
            }
            long[] p = SoftmaxUnit.softmaxRow(scores, act, f).probs();
            long[] o = new long[v[0].length];
            for (int c = 0; c < o.length; c++) {
                long sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += FixedRaw.floorShift(p[j] * v[j][c], outShift);
                }
                o[c] = FixedRaw.convert(FixedRaw.fit(sum, acc, Overflow.WRAP), acc.fracBits(), act,
                        f.rounding(), f.overflow());
            }
            out[i] = o;
        }
        return out;
    }
}
