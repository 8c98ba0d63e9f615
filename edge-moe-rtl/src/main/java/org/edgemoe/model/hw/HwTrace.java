package org.edgemoe.model.hw;

import org.edgemoe.model.Routing;
import org.edgemoe.hdl.fixed.FixedRaw;

/**
 * What the bit-accurate model computed: the residual stream (raw, resid format) after embedding,
 * after each attention block and after each layer, and each MoE layer's routing (null on dense layers).
 */
public record HwTrace(Formats formats, long[][] embedded, long[][][] afterAttention, long[][][] layerOutputs,
                      Routing[] routing) {

    /** Layer {@code l}'s output as real values. */
    public double[][] layerOutput(int l) {
        return toDouble(layerOutputs[l]);
    }

    public double[][] toDouble(long[][] raw) {
        double[][] d = new double[raw.length][raw[0].length];
        int frac = formats.resid().fracBits();
        for (int t = 0; t < raw.length; t++) {
            for (int c = 0; c < raw[t].length; c++) {
                d[t][c] = FixedRaw.toDouble(raw[t][c], frac);
            }
        }
        return d;
    }
}
