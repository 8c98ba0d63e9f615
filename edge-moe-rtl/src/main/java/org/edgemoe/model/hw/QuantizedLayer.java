package org.edgemoe.model.hw;

/** One layer's weights as raw integers in a profile's formats; {@code mlp} or {@code gates}/{@code experts} is null. */
public record QuantizedLayer(long[] norm1Gamma, long[] norm1Beta, long[] qkvWeight, long[] qkvBias,
                             long[] projWeight, long[] projBias, long[] norm2Gamma, long[] norm2Beta,
                             QuantizedMlp mlp, long[][] gates, QuantizedMlp[] experts) {
}
