package org.edgemoe.model;

import org.edgemoe.model.hw.HwTrace;

/**
 * Per-layer error and routing agreement; also the final error restricted to tokens routed like the
 * float model in every MoE layer (separates routing flips from arithmetic error).
 */
public record ModelComparison(ErrorStats[] layers, double[] routingAgreement, int[] hwActiveExperts,
                              int flippedTokens, ErrorStats finalOnAgreeingTokens) {

    public static ModelComparison of(HwTrace hw, FloatTrace ref) {
        double[][][] outputs = new double[ModelShape.LAYERS][][];
        for (int l = 0; l < outputs.length; l++) {
            outputs[l] = hw.layerOutput(l);
        }
        return of(outputs, hw.routing(), ref);
    }

    /** The same comparison for a second float model (e.g. one running on quantised weights). */
    public static ModelComparison of(FloatTrace actual, FloatTrace ref) {
        return of(actual.layerOutputs(), actual.routing(), ref);
    }

    private static ModelComparison of(double[][][] outputs, Routing[] routing, FloatTrace ref) {
        int n = ModelShape.LAYERS;
        ErrorStats[] layers = new ErrorStats[n];
        double[] agreement = new double[n];
        int[] active = new int[n];
        for (int l = 0; l < n; l++) {
            layers[l] = ErrorStats.between(outputs[l], ref.layerOutputs()[l]);
            if (ref.routing()[l] != null) {
                agreement[l] = routing[l].agreement(ref.routing()[l]);
                active[l] = routing[l].activeExperts();
            }
        }
        boolean[] flipped = new boolean[ModelShape.TOKENS];
        for (int l = 1; l < n; l += 2) {
            for (int t = 0; t < flipped.length; t++) {
                flipped[t] |= !routing[l].sameExperts(ref.routing()[l], t);
            }
        }
        java.util.List<double[]> hwRows = new java.util.ArrayList<>();
        java.util.List<double[]> refRows = new java.util.ArrayList<>();
        double[][] hwOut = outputs[n - 1];
        int flips = 0;
        for (int t = 0; t < flipped.length; t++) {
            flips += flipped[t] ? 1 : 0;
            if (!flipped[t]) {
                hwRows.add(hwOut[t]);
                refRows.add(ref.output()[t]);
            }
        }
        ErrorStats agreeing = ErrorStats.between(hwRows.toArray(double[][]::new), refRows.toArray(double[][]::new));
        return new ModelComparison(layers, agreement, active, flips, agreeing);
    }

    public ErrorStats finalLayer() {
        return layers[layers.length - 1];
    }

    /** Routing agreement of the worst MoE layer. */
    public double minRoutingAgreement() {
        double min = 1;
        for (int l = 0; l < layers.length; l++) {
            if (ModelShape.isMoe(l)) {
                min = Math.min(min, routingAgreement[l]);
            }
        }
        return min;
    }
}
