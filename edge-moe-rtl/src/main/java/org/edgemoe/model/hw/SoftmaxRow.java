package org.edgemoe.model.hw;

/**
 * Result of the streaming softmax over one row: the stored state {1/sum, max} and the probabilities
 * recomputed from it. {@code invSum} and {@code probs} are raw in the profile's prob format,
 * {@code max} raw in the score format.
 */
public record SoftmaxRow(long invSum, long max, long[] probs) {
}
