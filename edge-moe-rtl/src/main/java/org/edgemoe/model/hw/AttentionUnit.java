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
 * fraction bits; the score is written to act with the profile's rounding and overflow. Output:
 * {@code acc = sum_j floor(p_j * v_jc / 2^(P + F - A))} (P = prob fraction bits), wrapped, written to
 * act with the profile's rounding and overflow.
 *
 * <p><b>Key order (staggered).</b> The row of query i goes through {@link SoftmaxUnit} in the order
 * {@code i, i+1, ..., T-1, 0, ..., i-1} ({@link #keyOrder}): query i starts at its own key and wraps
 * around. This is the constant-bandwidth schedule of the attention engine
 * ({@code org.edgemoe.rtl.attention}): P query lanes share one K beat per cycle, lane o of a block
 * starting at token {@code base} joins the key stream {@code base, base+1, ...} at its o-th beat, so it
 * visits key {@code base + o = i} first, whatever P is. The online max/sum recurrence truncates, so the
 * order is part of the semantics; the output sum is a wrapped sum of individually floored products and
 * does not depend on the order.
 */
public final class AttentionUnit {

    private AttentionUnit() {
    }

    public static long[][] head(long[][] q, long[][] k, long[][] v, Formats f) {
        return head(q, k, v, f, true);
    }

    /**
     * As {@link #head(long[][], long[][], long[][], Formats)}; {@code staggered = false} runs every row's
     * softmax in key order 0..T-1 instead (kept to measure what the staggered order changes).
     */
    public static long[][] head(long[][] q, long[][] k, long[][] v, Formats f, boolean staggered) {
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
            long[] p = staggered ? staggeredProbs(scores, i, act, f) : SoftmaxUnit.softmaxRow(scores, act, f).probs();
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

    /** The order query {@code i} of {@code n} visits the keys in: i, i+1, ..., n-1, 0, ..., i-1. */
    public static int[] keyOrder(int i, int n) {
        int[] order = new int[n];
        for (int m = 0; m < n; m++) {
            order[m] = (i + m) % n;
        }
        return order;
    }

    /** Softmax probabilities of query i's row, the recurrence run in {@link #keyOrder}; indexed by key. */
    static long[] staggeredProbs(long[] scores, int i, FixFormat scoreFormat, Formats f) {
        int n = scores.length;
        int[] order = keyOrder(i, n);
        long[] rotated = new long[n];
        for (int m = 0; m < n; m++) {
            rotated[m] = scores[order[m]];
        }
        long[] pr = SoftmaxUnit.softmaxRow(rotated, scoreFormat, f).probs();
        long[] p = new long[n];
        for (int m = 0; m < n; m++) {
            p[order[m]] = pr[m];
        }
        return p;
    }
}
