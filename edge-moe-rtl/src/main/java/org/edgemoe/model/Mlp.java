package org.edgemoe.model;

/** Two linear layers with GELU between: a dense FFN or one expert. Weights are [out][in], row-major. */
public record Mlp(double[] fc1Weight, double[] fc1Bias, double[] fc2Weight, double[] fc2Bias) {

    public int hidden() {
        return fc1Bias.length;
    }
}
