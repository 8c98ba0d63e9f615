package org.edgemoe.model;

import org.edgemoe.model.hw.HwTrace;

/** Per-layer error and routing agreement of a bit-accurate run against the float run of the same task. */
public record ModelComparison(ErrorStats[] layers, double[] routingAgreement, int[] hwActiveExperts) {

    public static ModelComparison of(HwTrace hw, FloatTrace ref) {
        int n = ModelShape.LAYERS;
        ErrorStats[] layers = new ErrorStats[n];
        double[] agreement = new double[n];
        int[] active = new int[n];
        for (int l = 0; l < n; l++) {
            layers[l] = ErrorStats.between(hw.layerOutput(l), ref.layerOutputs()[l]);
            if (ref.routing()[l] != null) {
                agreement[l] = hw.routing()[l].agreement(ref.routing()[l]);
                active[l] = hw.routing()[l].activeExperts();
            }
        }
        return new ModelComparison(layers, agreement, active);
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
