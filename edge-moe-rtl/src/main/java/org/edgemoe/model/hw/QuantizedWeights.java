package org.edgemoe.model.hw;

import java.util.concurrent.atomic.AtomicLong;
import org.edgemoe.model.LayerWeights;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.Mlp;
import org.edgemoe.model.MoeWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;

/**
 * The float weights converted once to a profile's formats (profile rounding and overflow), as the
 * host would before loading them: linear, expert and gate weights in weightLinear, Q/K/V/proj biases
 * in weightAttnBias, MLP/expert/LayerNorm-beta/patch biases in weightBias, gamma in weightNorm, patch
 * weights in weightPatch, position embedding and pixels in resid and pixel formats.
 * {@link #outOfRange()} counts values that did not fit their format (wrapped or saturated).
 */
public final class QuantizedWeights {
    private final Formats formats;
    private final long[] pixels;
    private final long[] patchWeight;
    private final long[] patchBias;
    private final long[] posEmbed;
    private final QuantizedLayer[] layers;
    private final AtomicLong outOfRange = new AtomicLong();

    public QuantizedWeights(M3VitWeights w, Formats f) {
        this.formats = f;
        pixels = q(w.image(), f.pixel());
        patchWeight = q(w.patchWeight(), f.weightPatch());
        patchBias = q(w.patchBias(), f.weightBias());
        posEmbed = q(w.posEmbed(), f.resid());
        layers = new QuantizedLayer[ModelShape.LAYERS];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = layer(w.layers()[l]);
        }
    }

    private QuantizedLayer layer(LayerWeights w) {
        Formats f = formats;
        long[][] gates = null;
        QuantizedMlp[] experts = null;
        if (w.isMoe()) {
            gates = new long[w.moe().gateByTask().length][];
            for (int t = 0; t < gates.length; t++) {
                gates[t] = q(w.moe().gateByTask()[t], f.weightLinear());
            }
            experts = new QuantizedMlp[w.moe().experts().length];
            for (int e = 0; e < experts.length; e++) {
                experts[e] = mlp(w.moe().experts()[e]);
            }
        }
        return new QuantizedLayer(q(w.norm1Gamma(), f.weightNorm()), q(w.norm1Beta(), f.weightBias()),
                q(w.qkvWeight(), f.weightLinear()), q(w.qkvBias(), f.weightAttnBias()),
                q(w.projWeight(), f.weightLinear()), q(w.projBias(), f.weightAttnBias()),
                q(w.norm2Gamma(), f.weightNorm()), q(w.norm2Beta(), f.weightBias()),
                w.isMoe() ? null : mlp(w.mlp()), gates, experts);
    }

    private QuantizedMlp mlp(Mlp m) {
        return new QuantizedMlp(q(m.fc1Weight(), formats.weightLinear()), q(m.fc1Bias(), formats.weightBias()),
                q(m.fc2Weight(), formats.weightLinear()), q(m.fc2Bias(), formats.weightBias()));
    }

    private long[] q(double[] values, FixFormat format) {
        long[] raw = new long[values.length];
        double lo = format.minValue();
        double hi = format.maxValue();
        long bad = 0;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = FixedRaw.fromDouble(values[i], format, formats.rounding(), formats.overflow());
            if (values[i] < lo || values[i] > hi) {
                bad++;
            }
        }
        outOfRange.addAndGet(bad);
        return raw;
    }

    public Formats formats() {
        return formats;
    }

    public long[] pixels() {
        return pixels;
    }

    public long[] patchWeight() {
        return patchWeight;
    }

    public long[] patchBias() {
        return patchBias;
    }

    public long[] posEmbed() {
        return posEmbed;
    }

    public QuantizedLayer layer(int l) {
        return layers[l];
    }

    public long outOfRange() {
        return outOfRange.get();
    }

    /**
     * The exact real values of these quantised weights (raw * 2^-F, exact in double), as float weights
     * for {@link org.edgemoe.model.FloatModel}: a float model that sees exactly the weights the hardware
     * sees. Comparing it with the float model on the original weights measures the weight conversion
     * alone; comparing the hardware with it measures the hardware arithmetic alone.
     * {@code original} supplies the reference output (not a weight) and the dense/MoE layer layout.
     */
    public M3VitWeights dequantized(M3VitWeights original) {
        Formats f = formats;
        LayerWeights[] out = new LayerWeights[layers.length];
        for (int l = 0; l < layers.length; l++) {
            QuantizedLayer q = layers[l];
            MoeWeights moe = null;
            if (q.experts() != null) {
                double[][] gates = new double[q.gates().length][];
                for (int t = 0; t < gates.length; t++) {
                    gates[t] = d(q.gates()[t], f.weightLinear());
                }
                Mlp[] experts = new Mlp[q.experts().length];
                for (int e = 0; e < experts.length; e++) {
                    experts[e] = d(q.experts()[e]);
                }
                moe = new MoeWeights(gates, experts);
            }
            out[l] = new LayerWeights(d(q.norm1Gamma(), f.weightNorm()), d(q.norm1Beta(), f.weightBias()),
                    d(q.qkvWeight(), f.weightLinear()), d(q.qkvBias(), f.weightAttnBias()),
                    d(q.projWeight(), f.weightLinear()), d(q.projBias(), f.weightAttnBias()),
                    d(q.norm2Gamma(), f.weightNorm()), d(q.norm2Beta(), f.weightBias()),
                    q.mlp() == null ? null : d(q.mlp()), moe);
        }
        return new M3VitWeights(d(pixels, f.pixel()), d(patchWeight, f.weightPatch()), d(patchBias, f.weightBias()),
                d(posEmbed, f.resid()), out, original.referenceAfterLayer11());
    }

    private Mlp d(QuantizedMlp m) {
        return new Mlp(d(m.fc1Weight(), formats.weightLinear()), d(m.fc1Bias(), formats.weightBias()),
                d(m.fc2Weight(), formats.weightLinear()), d(m.fc2Bias(), formats.weightBias()));
    }

    private static double[] d(long[] raw, FixFormat format) {
        double[] v = new double[raw.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = FixedRaw.toDouble(raw[i], format.fracBits());
        }
        return v;
    }
}
