package org.edgemoe.runtime;

import static org.edgemoe.model.ModelShape.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.QuantizedLayer;
import org.edgemoe.model.hw.QuantizedMlp;
import org.edgemoe.model.hw.QuantizedWeights;

/**
 * The M3ViT backbone's weight image: which tensors, in which order, layout and format. Linear layers are
 * stored in the compute unit's weight-stream order with their bias rows ({@link TensorLayout#CU_STREAM}), so
 * the accelerator feeds each one with a single contiguous read; LayerNorm parameters, the position
 * embedding and the gate matrices are row-major.
 *
 * <p>Tensor names: {@code patch_embed}, {@code pos_embed}, then per layer L {@code lL.norm1.gamma},
 * {@code lL.norm1.beta}, {@code lL.qkv}, {@code lL.proj}, {@code lL.norm2.gamma}, {@code lL.norm2.beta},
 * and either {@code lL.fc1}, {@code lL.fc2} (even L) or {@code lL.gate.task0}, {@code lL.gate.task1}
 * ([192][16], input-major as the router reads a gate column per beat) and {@code lL.expertE.fc1},
 * {@code lL.expertE.fc2} for E = 0..15 (odd L).
 */
public final class M3VitImage {
    private M3VitImage() { }

    /** The tensors an image for {@code c} holds, in image order. */
    public static List<TensorSpec> layout(ImageConfig c) {
        Formats f = c.formats();
        List<TensorSpec> t = new ArrayList<>();
        t.add(TensorSpec.cuStream("patch_embed", f.weightPatch(), f.weightBias(), DIM, PATCH_IN));
        t.add(TensorSpec.rowMajor("pos_embed", f.resid(), TOKENS, DIM));
        for (int l = 0; l < LAYERS; l++) {
            String p = "l" + l + ".";
            t.add(TensorSpec.rowMajor(p + "norm1.gamma", f.weightNorm(), DIM));
            t.add(TensorSpec.rowMajor(p + "norm1.beta", f.weightBias(), DIM));
            t.add(TensorSpec.cuStream(p + "qkv", f.weightLinear(), f.weightAttnBias(), 3 * DIM, DIM));
            t.add(TensorSpec.cuStream(p + "proj", f.weightLinear(), f.weightAttnBias(), DIM, DIM));
            t.add(TensorSpec.rowMajor(p + "norm2.gamma", f.weightNorm(), DIM));
            t.add(TensorSpec.rowMajor(p + "norm2.beta", f.weightBias(), DIM));
            if (isMoe(l)) {
                for (int task = 0; task < TASKS; task++) {
                    t.add(TensorSpec.rowMajor(p + "gate.task" + task, f.weightLinear(), DIM, EXPERTS));
                }
                for (int e = 0; e < EXPERTS; e++) {
                    t.add(TensorSpec.cuStream(p + "expert" + e + ".fc1", f.weightLinear(), f.weightBias(), EXPERT_HIDDEN, DIM));
                    t.add(TensorSpec.cuStream(p + "expert" + e + ".fc2", f.weightLinear(), f.weightBias(), DIM, EXPERT_HIDDEN));
                }
            } else {
                t.add(TensorSpec.cuStream(p + "fc1", f.weightLinear(), f.weightBias(), MLP_HIDDEN, DIM));
                t.add(TensorSpec.cuStream(p + "fc2", f.weightLinear(), f.weightBias(), DIM, MLP_HIDDEN));
            }
        }
        return t;
    }

    /** Packs weights already converted to {@code c}'s profile (their formats must be the configuration's). */
    public static WeightImage pack(QuantizedWeights q, ImageConfig c) {
        if (!q.formats().equals(c.formats())) {
            throw new IllegalArgumentException("weights are in profile " + q.formats().name() + ", the image is for " + c.formats().name());
        }
        List<TensorSpec> specs = layout(c);
        WeightImage.Builder b = WeightImage.builder(c);
        int i = 0;
        b.add(specs.get(i++), cuStream(q.patchWeight(), q.patchBias(), DIM, PATCH_IN, c));
        b.add(specs.get(i++), q.posEmbed());
        for (int l = 0; l < LAYERS; l++) {
            QuantizedLayer L = q.layer(l);
            b.add(specs.get(i++), L.norm1Gamma());
            b.add(specs.get(i++), L.norm1Beta());
            b.add(specs.get(i++), cuStream(L.qkvWeight(), L.qkvBias(), 3 * DIM, DIM, c));
            b.add(specs.get(i++), cuStream(L.projWeight(), L.projBias(), DIM, DIM, c));
            b.add(specs.get(i++), L.norm2Gamma());
            b.add(specs.get(i++), L.norm2Beta());
            if (isMoe(l)) {
                for (int task = 0; task < TASKS; task++) {
                    b.add(specs.get(i++), transpose(L.gates()[task], EXPERTS, DIM));
                }
                for (QuantizedMlp e : L.experts()) {
                    b.add(specs.get(i++), cuStream(e.fc1Weight(), e.fc1Bias(), EXPERT_HIDDEN, DIM, c));
                    b.add(specs.get(i++), cuStream(e.fc2Weight(), e.fc2Bias(), DIM, EXPERT_HIDDEN, c));
                }
            } else {
                b.add(specs.get(i++), cuStream(L.mlp().fc1Weight(), L.mlp().fc1Bias(), MLP_HIDDEN, DIM, c));
                b.add(specs.get(i++), cuStream(L.mlp().fc2Weight(), L.mlp().fc2Bias(), DIM, MLP_HIDDEN, c));
            }
        }
        return b.build();
    }

    /** Reads and checks an image packed for {@code c}. */
    public static WeightImage read(Path file, ImageConfig c) {
        return WeightImage.read(file, c, layout(c));
    }

    /**
     * An [out][in] row-major matrix and its bias in the compute unit's weight-stream order on an R x C array
     * (see {@link TensorLayout#CU_STREAM}); out must be a multiple of C and in a multiple of R.
     */
    public static long[] cuStream(long[] w, long[] bias, int out, int in, ImageConfig c) {
        return org.edgemoe.rtl.cu.WeightStream.of(w, bias, out, in, c.cuRows(), c.cuCols());
    }

    static long[] transpose(long[] m, int rows, int cols) {
        long[] t = new long[m.length];
        for (int r = 0; r < rows; r++) {
            for (int cc = 0; cc < cols; cc++) {
                t[cc * rows + r] = m[r * cols + cc];
            }
        }
        return t;
    }
}
