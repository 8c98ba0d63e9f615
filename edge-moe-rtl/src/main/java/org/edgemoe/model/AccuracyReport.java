package org.edgemoe.model;

import java.nio.file.Path;
import java.util.Locale;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedWeights;

/** {@code make accuracy}: prints {@code ACCURACY <name> <value>} lines for both profiles and both tasks on the real image. */
public final class AccuracyReport {
    private static final String[] PROFILES = {"published", "dsp18"};

    private AccuracyReport() {
    }

    public static void main(String[] args) {
        Path folder = WeightFolder.locate().orElse(null);
        if (folder == null) {
            System.err.println(WeightFolder.absentMessage());
            System.exit(2);
        }
        long start = System.nanoTime();
        M3VitWeights weights = M3VitWeights.load(folder);
        syntheticExpertStats(weights);
        FloatModel floatModel = new FloatModel(weights);
        FloatTrace[] ref = {floatModel.run(0), floatModel.run(1)};
        floatChecks(weights, ref);
        for (String name : PROFILES) {
            Formats f = Formats.byName(name);
            operatorErrors(f, ref[0], weights);
            QuantizedWeights q = new QuantizedWeights(weights, f);
            print("weights.out_of_range." + name, q.outOfRange());
            HwModel model = new HwModel(q);
            attentionErrors(name, model, f);
            FloatModel sameWeights = new FloatModel(q.dequantized(weights));
            for (int task = 0; task < ModelShape.TASKS; task++) {
                HwTrace hw = model.run(task);
                modelErrors(name, task, ModelComparison.of(hw, ref[task]), ref[task]);
                separateWeightsFromArithmetic(name, task, hw, sameWeights.run(task), ref[task]);
            }
        }
        print("report.seconds", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Splits the error against the float reference into the weight conversion alone (a float model
     * running on exactly the hardware's quantised weights, vs the float reference) and the hardware
     * arithmetic alone (the hardware vs that float model).
     */
    private static void separateWeightsFromArithmetic(String profile, int task, HwTrace hw, FloatTrace sameWeights,
                                                      FloatTrace ref) {
        String tag = "." + profile + ".task" + task;
        ModelComparison weightsOnly = ModelComparison.of(sameWeights, ref);
        ModelComparison arithmeticOnly = ModelComparison.of(hw, sameWeights);
        print("final.mse.float_quantized_weights" + tag, weightsOnly.finalLayer().mse());
        print("routing.agreement.min.float_quantized_weights" + tag, weightsOnly.minRoutingAgreement());
        print("final.mse.hw_vs_float_quantized_weights" + tag, arithmeticOnly.finalLayer().mse());
        print("routing.agreement.min.hw_vs_float_quantized_weights" + tag, arithmeticOnly.minRoutingAgreement());
    }

    /**
     * The attention head alone on layer 0's real Q, K, V (task 0): the hardware's output against exact
     * softmax attention in double precision on the same (act-format) inputs, and the largest change the
     * staggered key order makes against running every row in key order 0..T-1.
     */
    private static void attentionErrors(String profile, HwModel model, Formats f) {
        double err = 0;
        double order = 0;
        int frac = f.act().fracBits();
        for (HwModel.HeadInputs h : model.attentionInputs(0, 0)) {
            long[][] hw = org.edgemoe.model.hw.AttentionUnit.head(h.q(), h.k(), h.v(), f, true);
            long[][] inOrder = org.edgemoe.model.hw.AttentionUnit.head(h.q(), h.k(), h.v(), f, false);
            int n = h.q().length;
            for (int i = 0; i < n; i++) {
                double[] s = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int c = 0; c < h.q()[i].length; c++) {
                        dot += h.q()[i][c] * (double) h.k()[j][c];
                    }
                    s[j] = dot / Math.pow(2, 2 * frac) / 8;
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int c = 0; c < h.v()[0].length; c++) {
                    double o = 0;
                    for (int j = 0; j < n; j++) {
                        o += s[j] / sum * h.v()[j][c] / Math.pow(2, frac);
                    }
                    err = Math.max(err, Math.abs(hw[i][c] / Math.pow(2, frac) - o));
                    order = Math.max(order, Math.abs(hw[i][c] - inOrder[i][c]) / Math.pow(2, frac));
                }
            }
        }
        print("attention.layer0.max_abs_err." + profile, err);
        print("attention.layer0.staggered_vs_in_order.max_abs_diff." + profile, order);
    }

    /** Smallest gap between the 2nd and 3rd gate logit of the float model, over all tokens and MoE layers. */
    private static double minTopKGap(M3VitWeights w, FloatTrace ref, int task) {
        double min = Double.POSITIVE_INFINITY;
        for (int l = 1; l < ModelShape.LAYERS; l += 2) {
            LayerWeights lw = w.layers()[l];
            for (double[] x : ref.afterAttention()[l]) {
                double[] logits = FloatOps.linear(FloatOps.layerNorm(x, lw.norm2Gamma(), lw.norm2Beta()),
                        lw.moe().gateByTask()[task], null, ModelShape.EXPERTS);
                int[] top = TopK.of(logits, ModelShape.TOP_K + 1);
                min = Math.min(min, logits[top[ModelShape.TOP_K - 1]] - logits[top[ModelShape.TOP_K]]);
            }
        }
        return min;
    }

    private static void syntheticExpertStats(M3VitWeights w) {
        for (String which : new String[] {"fc1", "fc2"}) {
            java.util.List<double[]> real = new java.util.ArrayList<>();
            java.util.List<double[]> synth = new java.util.ArrayList<>();
            for (LayerWeights l : w.layers()) {
                if (l.isMoe()) {
                    for (Mlp e : l.moe().experts()) {
                        synth.add(which.equals("fc1") ? e.fc1Weight() : e.fc2Weight());
                    }
                } else {
                    real.add(which.equals("fc1") ? l.mlp().fc1Weight() : l.mlp().fc2Weight());
                }
            }
            stats("weights." + which + ".dense_real", WeightStats.of(real.toArray(double[][]::new)));
            stats("weights." + which + ".expert_synthetic", WeightStats.of(synth.toArray(double[][]::new)));
        }
    }

    private static void stats(String prefix, WeightStats s) {
        print(prefix + ".mean", s.mean());
        print(prefix + ".std", s.std());
        print(prefix + ".max_abs", s.maxAbs());
        print(prefix + ".excess_kurtosis", s.excessKurtosis());
    }

    private static void floatChecks(M3VitWeights w, FloatTrace[] ref) {
        double[][] reference = new double[ModelShape.TOKENS][];
        for (int t = 0; t < reference.length; t++) {
            reference[t] = java.util.Arrays.copyOfRange(w.referenceAfterLayer11(), t * ModelShape.DIM, (t + 1) * ModelShape.DIM);
        }
        print("float.vs_reference_l11.corr.task0", ErrorStats.correlation(ref[0].output(), reference));
        print("float.vs_reference_l11.mse.task0", ErrorStats.between(ref[0].output(), reference).mse());
        for (int task = 0; task < ref.length; task++) {
            for (int l = 1; l < ModelShape.LAYERS; l += 2) {
                print("moe" + l + ".active_experts.float.task" + task, ref[task].routing()[l].activeExperts());
            }
            print("routing.min_top2_gap.float.task" + task, minTopKGap(w, ref[task], task));
        }
    }

    private static void operatorErrors(Formats f, FloatTrace ref, M3VitWeights w) {
        String suffix = f.name().equals("published") ? "" : "." + f.name();
        print("gelu.max_abs_err" + suffix, OperatorSweeps.geluMaxAbsError(f));
        print("exp.max_abs_err" + suffix, OperatorSweeps.expMaxAbsError(f));
        print("softmax.max_abs_err" + suffix, OperatorSweeps.softmaxMaxAbsError(f, 300));
        double[][][] lnInputs = new double[ModelShape.LAYERS][][];
        lnInputs[0] = ref.embedded();
        for (int l = 1; l < ModelShape.LAYERS; l++) {
            lnInputs[l] = ref.layerOutputs()[l - 1];
        }
        print("layernorm.max_abs_err" + suffix, OperatorSweeps.layerNormMaxAbsError(f, lnInputs, w.layers()));
    }

    private static void modelErrors(String profile, int task, ModelComparison c, FloatTrace ref) {
        String tag = "." + profile + ".task" + task;
        for (int l = 0; l < ModelShape.LAYERS; l++) {
            print("layer" + l + ".mse" + tag, c.layers()[l].mse());
            print("layer" + l + ".max_abs_err" + tag, c.layers()[l].maxAbs());
        }
        for (int l = 1; l < ModelShape.LAYERS; l += 2) {
            print("moe" + l + ".routing.agreement" + tag, c.routingAgreement()[l]);
            print("moe" + l + ".active_experts" + tag, c.hwActiveExperts()[l]);
        }
        print("final.mse" + tag, c.finalLayer().mse());
        print("final.max_abs_err" + tag, c.finalLayer().maxAbs());
        print("routing.agreement.min" + tag, c.minRoutingAgreement());
        print("routing.flipped_tokens" + tag, c.flippedTokens());
        print("final.mse.agreeing_tokens" + tag, c.finalOnAgreeingTokens().mse());
        print("final.max_abs_err.agreeing_tokens" + tag, c.finalOnAgreeingTokens().maxAbs());
    }

    private static void print(String name, double value) {
        System.out.println("ACCURACY " + name + " " + String.format(Locale.ROOT, "%.6g", value));
    }

    private static void print(String name, long value) {
        System.out.println("ACCURACY " + name + " " + value);
    }
}
