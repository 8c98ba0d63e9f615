package org.edgemoe.model.hw;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.Routing;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * The MoE gate as pure functions, exactly as {@link HwModel} routes a token (nothing new is computed
 * here: every step calls the same {@link HwOps} operators, in the same order):
 * <ol>
 * <li>{@link #gateLogits}: {@code logits = linear(h, gate)} with h the LayerNorm-2 output (act), the
 * task's gate matrix [experts][dim] (weightLinear), no bias, output in act ({@link LinearUnit}:
 * products accumulated in input order k = 0..dim-1 into the wrapping acc, then written to act with
 * the profile's rounding and overflow);</li>
 * <li>{@link #route}: probabilities from the streaming softmax over the logits in expert order
 * ({@link SoftmaxUnit}, scores in act format), experts from {@link ExpertRouter#topK} on the raw
 * logits (largest first, ties to the lower index), and score r = probs[expert r] (prob format);</li>
 * <li>{@link #reorder}: the per-expert token queues of one layer: each token, in token order, appends
 * (token, score) to the queue of each of its chosen experts, rank order within the token; the
 * non-empty experts in index order.</li>
 * </ol>
 */
public final class GateRouting {

    private GateRouting() {
    }

    /** The routing decision of one token: experts best first and their probabilities (raw, prob format). */
    public record Decision(int[] experts, long[] scores) {
    }

    /** One queued entry: token index in the layer and its score (raw, prob format). */
    public record Entry(int token, long score) {
    }

    /**
     * Per-expert queues of one layer. {@code queues.get(e)} in arrival order; {@code nonEmpty} the
     * experts with at least one entry, ascending. {@code capacity} bounds each queue (entries beyond it
     * are dropped, as in the hardware); {@code Integer.MAX_VALUE} for unbounded.
     */
    public record Queues(List<List<Entry>> queues, int[] nonEmpty) {
    }

    /** Gate logits of one token (act format), exactly HwModel's {@code HwOps.linear(h, ..., gates[task], ...)}. */
    public static long[] gateLogits(long[] h, long[] gate, Formats f) {
        return HwOps.linear(h, f.act(), gate, f.weightLinear(), null, f.weightBias(), f.act(), false, f);
    }

    /** Softmax, top-k and scores of one token's logits (act format), as in HwModel. */
    public static Decision route(long[] logits, int k, Formats f) {
        return route(logits, f.act(), k, f);
    }

    /** {@link #route(long[], int, Formats)} with an explicit logit format. */
    public static Decision route(long[] logits, FixFormat logitFormat, int k, Formats f) {
        long[] probs = HwOps.softmaxRow(logits, logitFormat, f).probs();
        int[] top = HwOps.topK(logits, k);
        long[] scores = new long[k];
        for (int r = 0; r < k; r++) {
            scores[r] = probs[top[r]];
        }
        return new Decision(top, scores);
    }

    /** Gate logits then {@link #route}: the whole routing of one token from its LayerNorm-2 output. */
    public static Decision routeToken(long[] h, long[] gate, int k, Formats f) {
        return route(gateLogits(h, gate, f), k, f);
    }

    /** Per-expert queues of one layer's decisions (token t = index in {@code decisions}). */
    public static Queues reorder(Decision[] decisions, int experts, int capacity) {
        List<List<Entry>> queues = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            queues.add(new ArrayList<>());
        }
        for (int t = 0; t < decisions.length; t++) {
            Decision d = decisions[t];
            for (int r = 0; r < d.experts().length; r++) {
                List<Entry> q = queues.get(d.experts()[r]);
                if (q.size() < capacity) {
                    q.add(new Entry(t, d.scores()[r]));
                }
            }
        }
        int[] nonEmpty = java.util.stream.IntStream.range(0, experts).filter(e -> !queues.get(e).isEmpty()).toArray();
        return new Queues(queues, nonEmpty);
    }

    /** The LayerNorm-2 output of one token: HwModel's gate (and expert) input. */
    public static long[] gateInput(long[] x, QuantizedLayer q, Formats f) {
        return HwOps.layerNorm(x, f.resid(), q.norm2Gamma(), f.weightNorm(), q.norm2Beta(), f.weightBias(), f.act(), f);
    }

    /** Gate inputs and HwModel's own routing of one MoE layer on the real image. */
    public record LayerGateInputs(long[][] gateInputs, Routing routing) {
    }

    /**
     * Runs {@link HwModel} for {@code task} through layer {@code lastLayer} (the same code path as
     * {@link HwModel#run}) and returns, for each MoE layer up to it, the LayerNorm-2 outputs of all
     * tokens and the routing HwModel chose (null entries for dense layers).
     */
    public static LayerGateInputs[] gateInputs(QuantizedWeights w, int task, int lastLayer) {
        HwModel m = new HwModel(w);
        Formats f = w.formats();
        long[][] x = m.embed();
        LayerGateInputs[] out = new LayerGateInputs[lastLayer + 1];
        for (int l = 0; l <= lastLayer; l++) {
            QuantizedLayer q = w.layer(l);
            x = m.attentionBlock(x, q);
            if (q.experts() != null) {
                long[][] h = new long[x.length][];
                for (int t = 0; t < x.length; t++) {
                    h[t] = gateInput(x[t], q, f);
                }
                int[][] experts = new int[x.length][];
                double[][] probs = new double[x.length][];
                x = m.moeBlock(x, q, task, experts, probs);
                out[l] = new LayerGateInputs(h, new Routing(experts, probs));
            } else {
                x = m.mlpBlock(x, q);
            }
        }
        return out;
    }
}
