package org.edgemoe.model;

import static org.edgemoe.model.ModelShape.*;

import java.util.stream.IntStream;

/** The M3ViT backbone in double precision: the float reference the fixed-point model is measured against. */
public final class FloatModel {
    private final M3VitWeights weights;

    public FloatModel(M3VitWeights weights) {
        this.weights = weights;
    }

    /** Patch embedding of tokens 1..128, zero CLS at token 0, plus the position embedding for all 129. */
    public double[][] embed() {
        return embed(TOKENS);
    }

    /** The first {@code tokens} tokens of {@link #embed()}: CLS and patches 0 .. tokens - 2. */
    public double[][] embed(int tokens) {
        checkTokens(tokens);
        double[][] x = new double[tokens][DIM];
        IntStream.range(0, tokens - 1).parallel().forEach(p ->
                x[p + 1] = FloatOps.linear(weights.patchVector(p), weights.patchWeight(), weights.patchBias(), DIM));
        for (int t = 0; t < tokens; t++) {
            for (int c = 0; c < DIM; c++) {
                x[t][c] += weights.posEmbed()[t * DIM + c];
            }
        }
        return x;
    }

    public FloatTrace run(int task) {
        return run(task, TOKENS);
    }

    /** The backbone over the first {@code tokens} tokens ({@link #embed(int)}). */
    public FloatTrace run(int task, int tokens) {
        double[][] x = embed(tokens);
        double[][] embedded = copy(x);
        double[][][] afterAttention = new double[LAYERS][][];
        double[][][] outputs = new double[LAYERS][][];
        Routing[] routing = new Routing[LAYERS];
        for (int l = 0; l < LAYERS; l++) {
            LayerWeights w = weights.layers()[l];
            x = attentionBlock(x, w);
            afterAttention[l] = copy(x);
            if (w.isMoe()) {
                routing[l] = route(x, w, task);
                x = moeBlock(x, w, routing[l]);
            } else {
                x = mlpBlock(x, w);
            }
            outputs[l] = copy(x);
        }
        return new FloatTrace(embedded, afterAttention, outputs, routing);
    }

    /** x + proj(attention(LN1(x))). */
    public static double[][] attentionBlock(double[][] x, LayerWeights w) {
        double[][] h = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            h[t] = FloatOps.layerNorm(x[t], w.norm1Gamma(), w.norm1Beta());
        }
        double[][] a = FloatOps.attention(h, w);
        double[][] y = new double[x.length][];
        IntStream.range(0, x.length).parallel().forEach(t ->
                y[t] = add(x[t], FloatOps.linear(a[t], w.projWeight(), w.projBias(), DIM)));
        return y;
    }

    public static double[][] mlpBlock(double[][] x, LayerWeights w) {
        double[][] y = new double[x.length][];
        IntStream.range(0, x.length).parallel().forEach(t ->
                y[t] = add(x[t], FloatOps.mlp(FloatOps.layerNorm(x[t], w.norm2Gamma(), w.norm2Beta()), w.mlp())));
        return y;
    }

    /** Gate of the task: softmax over all 16 logits, top-2 kept without renormalising. */
    public static Routing route(double[][] x, LayerWeights w, int task) {
        int[][] experts = new int[x.length][];
        double[][] probs = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double[] h = FloatOps.layerNorm(x[t], w.norm2Gamma(), w.norm2Beta());
            double[] logits = FloatOps.linear(h, w.moe().gateByTask()[task], null, EXPERTS);
            double[] p = FloatOps.softmax(logits);
            experts[t] = TopK.of(logits, TOP_K);
            probs[t] = new double[TOP_K];
            for (int k = 0; k < TOP_K; k++) {
                probs[t][k] = p[experts[t][k]];
            }
        }
        return new Routing(experts, probs);
    }

    public static double[][] moeBlock(double[][] x, LayerWeights w, Routing r) {
        double[][] y = new double[x.length][];
        IntStream.range(0, x.length).parallel().forEach(t -> {
            double[] h = FloatOps.layerNorm(x[t], w.norm2Gamma(), w.norm2Beta());
            double[] out = x[t].clone();
            for (int k = 0; k < TOP_K; k++) {
                double[] e = FloatOps.mlp(h, w.moe().experts()[r.experts()[t][k]]);
                for (int c = 0; c < DIM; c++) {
                    out[c] += r.weights()[t][k] * e[c];
                }
            }
            y[t] = out;
        });
        return y;
    }

    static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }
}
