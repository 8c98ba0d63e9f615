package org.edgemoe.model.hw;

import static org.edgemoe.model.ModelShape.*;

import java.util.stream.IntStream;
import org.edgemoe.model.Routing;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;

/**
 * The backbone computed the way the hardware computes it, from {@link HwOps} only. Per layer:
 * h = LN1(x) (act); qkv = linear(h) (act); per head {@link HwOps#attentionHead}; x += proj (linear
 * into resid, then {@link HwOps#residualAdd}); h2 = LN2(x) (act); dense layers: x += fc2(fc1+GELU(h2))
 * (hidden in act, output in resid); MoE layers: logits = gate(h2) (act, no bias), probabilities from
 * {@link HwOps#softmaxRow}, experts from {@link HwOps#topK} on the logits, and for each chosen expert
 * (best first) x = {@link HwOps#scaleAccumulate}(x, expert(h2), p). Embedding: pixels (UQ0.8) through
 * the patch weights into resid, plus pos_embed; the CLS token is pos_embed[0].
 */
public final class HwModel {
    private final QuantizedWeights w;
    private final Formats f;

    public HwModel(QuantizedWeights weights) {
        this.w = weights;
        this.f = weights.formats();
    }

    public long[][] embed() {
        return embed(TOKENS);
    }

    /**
     * The first {@code tokens} tokens of the embedding: the CLS token and patches 0 .. tokens - 2 (row-major over
     * the image), as a program with that token count computes them.
     */
    public long[][] embed(int tokens) {
        checkTokens(tokens);
        long[][] x = new long[tokens][];
        long[] pos = w.posEmbed();
        x[0] = java.util.Arrays.copyOfRange(pos, 0, DIM);
        IntStream.range(0, tokens - 1).parallel().forEach(p -> {
            long[] y = HwOps.linear(patchPixels(p), f.pixel(), w.patchWeight(), f.weightPatch(), w.patchBias(),
                    f.weightBias(), f.resid(), false, f);
            for (int c = 0; c < DIM; c++) {
                y[c] = HwOps.residualAdd(y[c], pos[(p + 1) * DIM + c], f);
            }
            x[p + 1] = y;
        });
        return x;
    }

    private long[] patchPixels(int p) {
        int gridW = IMAGE_W / PATCH;
        int py = p / gridW;
        int px = p % gridW;
        long[] v = new long[PATCH_IN];
        int i = 0;
        for (int c = 0; c < CHANNELS; c++) {
            for (int y = 0; y < PATCH; y++) {
                for (int xx = 0; xx < PATCH; xx++) {
                    v[i++] = w.pixels()[(c * IMAGE_H + py * PATCH + y) * IMAGE_W + px * PATCH + xx];
                }
            }
        }
        return v;
    }

    public HwTrace run(int task) {
        return run(task, TOKENS);
    }

    /** The backbone over the first {@code tokens} tokens ({@link #embed(int)}): what a program of that token count computes. */
    public HwTrace run(int task, int tokens) {
        long[][] x = embed(tokens);
        long[][] embedded = copy(x);
        long[][][] afterAttention = new long[LAYERS][][];
        long[][][] outputs = new long[LAYERS][][];
        Routing[] routing = new Routing[LAYERS];
        for (int l = 0; l < LAYERS; l++) {
            QuantizedLayer q = w.layer(l);
            x = attentionBlock(x, q);
            afterAttention[l] = copy(x);
            if (q.experts() != null) {
                int[][] experts = new int[x.length][];
                double[][] probs = new double[x.length][];
                x = moeBlock(x, q, task, experts, probs);
                routing[l] = new Routing(experts, probs);
            } else {
                x = mlpBlock(x, q);
            }
            outputs[l] = copy(x);
        }
        return new HwTrace(f, embedded, afterAttention, outputs, routing);
    }

    private long[] norm(long[] x, long[] gamma, long[] beta) {
        return HwOps.layerNorm(x, f.resid(), gamma, f.weightNorm(), beta, f.weightBias(), f.act(), f);
    }

    /** One head's attention operands of a layer: q, k, v as [token][headDim] raw in act. */
    public record HeadInputs(long[][] q, long[][] k, long[][] v) {
    }

    /**
     * The attention operands of {@code layer} (all heads) on the real image for {@code task}: runs the
     * layers before it exactly as {@link #run} does and returns that layer's Q, K and V per head.
     */
    public HeadInputs[] attentionInputs(int task, int layer) {
        long[][] x = embed();
        for (int l = 0; l < layer; l++) {
            QuantizedLayer q = w.layer(l);
            x = attentionBlock(x, q);
            x = q.experts() != null ? moeBlock(x, q, task, new int[x.length][], new double[x.length][]) : mlpBlock(x, q);
        }
        long[][] qkv = qkv(x, w.layer(layer));
        HeadInputs[] out = new HeadInputs[HEADS];
        for (int h = 0; h < HEADS; h++) {
            out[h] = new HeadInputs(slice(qkv, h * HEAD_DIM), slice(qkv, DIM + h * HEAD_DIM), slice(qkv, 2 * DIM + h * HEAD_DIM));
        }
        return out;
    }

    private long[][] qkv(long[][] x, QuantizedLayer q) {
        long[][] qkv = new long[x.length][];
        IntStream.range(0, x.length).parallel().forEach(t -> qkv[t] = HwOps.linear(norm(x[t], q.norm1Gamma(), q.norm1Beta()),
                f.act(), q.qkvWeight(), f.weightLinear(), q.qkvBias(), f.weightAttnBias(), f.act(), false, f));
        return qkv;
    }

    long[][] attentionBlock(long[][] x, QuantizedLayer q) {
        long[][] qkv = qkv(x, q);
        long[][][] heads = new long[HEADS][][];
        IntStream.range(0, HEADS).parallel().forEach(h ->
                heads[h] = HwOps.attentionHead(slice(qkv, h * HEAD_DIM), slice(qkv, DIM + h * HEAD_DIM),
                        slice(qkv, 2 * DIM + h * HEAD_DIM), f));
        long[][] y = new long[x.length][];
        IntStream.range(0, x.length).parallel().forEach(t -> {
            long[] a = new long[DIM];
            for (int h = 0; h < HEADS; h++) {
                System.arraycopy(heads[h][t], 0, a, h * HEAD_DIM, HEAD_DIM);
            }
            long[] p = HwOps.linear(a, f.act(), q.projWeight(), f.weightLinear(), q.projBias(), f.weightAttnBias(),
                    f.resid(), false, f);
            long[] out = new long[DIM];
            for (int c = 0; c < DIM; c++) {
                out[c] = HwOps.residualAdd(x[t][c], p[c], f);
            }
            y[t] = out;
        });
        return y;
    }

    private static long[][] slice(long[][] qkv, int offset) {
        long[][] s = new long[qkv.length][];
        for (int t = 0; t < qkv.length; t++) {
            s[t] = java.util.Arrays.copyOfRange(qkv[t], offset, offset + HEAD_DIM);
        }
        return s;
    }

    private long[] mlp(long[] h, QuantizedMlp m) {
        long[] hidden = HwOps.linear(h, f.act(), m.fc1Weight(), f.weightLinear(), m.fc1Bias(), f.weightBias(),
                f.act(), true, f);
        return HwOps.linear(hidden, f.act(), m.fc2Weight(), f.weightLinear(), m.fc2Bias(), f.weightBias(),
                f.resid(), false, f);
    }

    long[][] mlpBlock(long[][] x, QuantizedLayer q) {
        long[][] y = new long[x.length][];
        IntStream.range(0, x.length).parallel().forEach(t -> {
            long[] m = mlp(norm(x[t], q.norm2Gamma(), q.norm2Beta()), q.mlp());
            long[] out = new long[DIM];
            for (int c = 0; c < DIM; c++) {
                out[c] = HwOps.residualAdd(x[t][c], m[c], f);
            }
            y[t] = out;
        });
        return y;
    }

    long[][] moeBlock(long[][] x, QuantizedLayer q, int task, int[][] expertsOut, double[][] probsOut) {
        long[][] y = new long[x.length][];
        FixFormat prob = f.prob();
        IntStream.range(0, x.length).parallel().forEach(t -> {
            long[] h = norm(x[t], q.norm2Gamma(), q.norm2Beta());
            long[] logits = HwOps.linear(h, f.act(), q.gates()[task], f.weightLinear(), null, f.weightBias(),
                    f.act(), false, f);
            long[] probs = HwOps.softmaxRow(logits, f.act(), f).probs();
            int[] top = HwOps.topK(logits, TOP_K);
            long[] out = x[t].clone();
            double[] kept = new double[TOP_K];
            for (int k = 0; k < TOP_K; k++) {
                long[] e = mlp(h, q.experts()[top[k]]);
                long p = probs[top[k]];
                kept[k] = FixedRaw.toDouble(p, prob.fracBits());
                for (int c = 0; c < DIM; c++) {
                    out[c] = HwOps.scaleAccumulate(out[c], e[c], p, f);
                }
            }
            expertsOut[t] = top;
            probsOut[t] = kept;
            y[t] = out;
        });
        return y;
    }

    private static long[][] copy(long[][] x) {
        long[][] c = new long[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }
}
