package org.edgemoe.model;

import java.util.stream.IntStream;

/** The float reference's operators, in double precision. Vectors are one token; matrices [out][in] row-major. */
public final class FloatOps {

    private FloatOps() {
    }

    public static double[] layerNorm(double[] x, double[] gamma, double[] beta) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double inv = 1 / Math.sqrt(var + ModelShape.LN_EPS);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) * inv * gamma[i] + beta[i];
        }
        return y;
    }

    /** y = W x + b; {@code bias} may be null. */
    public static double[] linear(double[] x, double[] weight, double[] bias, int out) {
        int in = x.length;
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double acc = bias == null ? 0 : bias[o];
            int row = o * in;
            for (int k = 0; k < in; k++) {
                acc += weight[row + k] * x[k];
            }
            y[o] = acc;
        }
        return y;
    }

    public static double[] gelu(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Erf.gelu(x[i]);
        }
        return y;
    }

    public static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Math.exp(s[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < s.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    public static double[] mlp(double[] x, Mlp m) {
        double[] h = gelu(linear(x, m.fc1Weight(), m.fc1Bias(), m.hidden()));
        return linear(h, m.fc2Weight(), m.fc2Bias(), x.length);
    }

    /** Multi-head self-attention over all tokens (rows of {@code h}), before the output projection. */
    public static double[][] attention(double[][] h, LayerWeights w) {
        int n = h.length;
        int d = ModelShape.DIM;
        double[][] qkv = new double[n][];
        IntStream.range(0, n).parallel().forEach(t -> qkv[t] = linear(h[t], w.qkvWeight(), w.qkvBias(), 3 * d));
        double scale = 1.0 / Math.sqrt(ModelShape.HEAD_DIM);
        double[][] out = new double[n][d];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int head = 0; head < ModelShape.HEADS; head++) {
                int off = head * ModelShape.HEAD_DIM;
                double[] scores = new double[n];
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int c = 0; c < ModelShape.HEAD_DIM; c++) {
                        s += qkv[i][off + c] * qkv[j][d + off + c];
                    }
                    scores[j] = s * scale;
                }
                double[] p = softmax(scores);
                for (int j = 0; j < n; j++) {
                    for (int c = 0; c < ModelShape.HEAD_DIM; c++) {
                        out[i][off + c] += p[j] * qkv[j][2 * d + off + c];
                    }
                }
            }
        });
        return out;
    }
}
