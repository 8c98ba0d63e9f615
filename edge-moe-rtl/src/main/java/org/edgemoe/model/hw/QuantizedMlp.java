package org.edgemoe.model.hw;

/** An MLP's weights as raw integers: weights in the linear-weight format, biases in the bias format. */
public record QuantizedMlp(long[] fc1Weight, long[] fc1Bias, long[] fc2Weight, long[] fc2Bias) {
}
