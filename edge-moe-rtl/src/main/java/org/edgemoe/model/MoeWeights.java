package org.edgemoe.model;

/**
 * One MoE layer: a gate matrix per task, stored [expert][dim] (the file's transposed layout turned
 * back into PyTorch [out][in]), and the experts.
 */
public record MoeWeights(double[][] gateByTask, Mlp[] experts) {
}
