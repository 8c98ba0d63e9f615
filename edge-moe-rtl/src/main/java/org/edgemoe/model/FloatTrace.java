package org.edgemoe.model;

/**
 * Everything the float model computed that tests and reports look at: the embedded input, the
 * residual stream after each layer's attention block and after each whole layer, and the routing of
 * each MoE layer (null for dense layers). Arrays are [token][dim].
 */
public record FloatTrace(double[][] embedded, double[][][] afterAttention, double[][][] layerOutputs, Routing[] routing) {

    public double[][] output() {
        return layerOutputs[layerOutputs.length - 1];
    }
}
