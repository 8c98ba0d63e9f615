package org.edgemoe.model;

/** One transformer layer; exactly one of {@code mlp} (even layers) and {@code moe} (odd layers) is non-null. */
public record LayerWeights(
        double[] norm1Gamma, double[] norm1Beta,
        double[] qkvWeight, double[] qkvBias,
        double[] projWeight, double[] projBias,
        double[] norm2Gamma, double[] norm2Beta,
        Mlp mlp, MoeWeights moe) {

    public boolean isMoe() {
        return moe != null;
    }
}
