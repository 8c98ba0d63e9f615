package org.edgemoe.model;

import static org.edgemoe.model.ModelShape.*;

import java.nio.file.Path;

/**
 * All weights of the backbone plus the test image and the reference output, loaded from a folder
 * laid out as in the reference (section 2), with synthetic expert matrices (see {@link SyntheticExperts}).
 *
 * <p>There is no CLS-token file: the CLS token is taken as zero before the position embedding, so
 * token 0 enters layer 0 as {@code pos_embed[0]} (the usual ViT learnt CLS vector, if any, is
 * assumed folded into {@code pos_embed[0]}).
 */
public record M3VitWeights(
        double[] image, double[] patchWeight, double[] patchBias, double[] posEmbed,
        LayerWeights[] layers, double[] referenceAfterLayer11) {

    public static M3VitWeights load(Path folder) {
        double[] image = TensorFile.read(folder, "image", CHANNELS, IMAGE_H, IMAGE_W);
        double[] patchWeight = TensorFile.read(folder, "patch_embed_weight", DIM, CHANNELS, PATCH, PATCH);
        double[] patchBias = TensorFile.read(folder, "patch_embed_bias", DIM);
        double[] pos = TensorFile.read(folder, "pos_embed", TOKENS, DIM);
        double[] reference = TensorFile.read(folder, "l11_x_post_moe", TOKENS, DIM);
        LayerWeights[] layers = new LayerWeights[LAYERS];
        for (int l = 0; l < LAYERS; l++) {
            Mlp mlp = isMoe(l) ? null : loadDense(folder, l);
            MoeWeights moe = isMoe(l) ? loadMoe(folder, l, layers[l - 1].mlp()) : null;
            layers[l] = new LayerWeights(
                    TensorFile.read(folder, p(l, "norm1_weight"), DIM), TensorFile.read(folder, p(l, "norm1_bias"), DIM),
                    TensorFile.read(folder, p(l, "qkv_weight"), 3 * DIM, DIM), TensorFile.read(folder, p(l, "qkv_bias"), 3 * DIM),
                    TensorFile.read(folder, p(l, "attn_proj_weight"), DIM, DIM), TensorFile.read(folder, p(l, "attn_proj_bias"), DIM),
                    TensorFile.read(folder, p(l, "norm2_weight"), DIM), TensorFile.read(folder, p(l, "norm2_bias"), DIM),
                    mlp, moe);
        }
        return new M3VitWeights(image, patchWeight, patchBias, pos, layers, reference);
    }

    private static String p(int layer, String name) {
        return "l" + layer + "_" + name;
    }

    private static Mlp loadDense(Path folder, int l) {
        return new Mlp(TensorFile.read(folder, p(l, "fc1_weight"), MLP_HIDDEN, DIM), TensorFile.read(folder, p(l, "fc1_bias"), MLP_HIDDEN),
                TensorFile.read(folder, p(l, "fc2_weight"), DIM, MLP_HIDDEN), TensorFile.read(folder, p(l, "fc2_bias"), DIM));
    }

    private static MoeWeights loadMoe(Path folder, int l, Mlp denseBelow) {
        double[][] gates = new double[TASKS][];
        for (int t = 0; t < TASKS; t++) {
            double[] inputMajor = TensorFile.read(folder, p(l, "w_gate_T_task" + t), DIM, EXPERTS);
            gates[t] = transpose(inputMajor, DIM, EXPERTS);
        }
        double[] b1 = TensorFile.read(folder, p(l, "htoh4_bias"), EXPERTS, EXPERT_HIDDEN);
        double[] b2 = TensorFile.read(folder, p(l, "h4toh_bias"), EXPERTS, DIM);
        Mlp[] experts = SyntheticExperts.generate(l, WeightStats.of(denseBelow.fc1Weight()),
                WeightStats.of(denseBelow.fc2Weight()), b1, b2);
        return new MoeWeights(gates, experts);
    }

    static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /** Patch p (row-major over the 8 x 16 grid) as a 768-vector in (channel, row, column) order, matching the conv weight. */
    public double[] patchVector(int p) {
        int gridW = IMAGE_W / PATCH;
        int py = p / gridW;
        int px = p % gridW;
        double[] v = new double[PATCH_IN];
        int i = 0;
        for (int c = 0; c < CHANNELS; c++) {
            for (int y = 0; y < PATCH; y++) {
                for (int x = 0; x < PATCH; x++) {
                    v[i++] = image[(c * IMAGE_H + py * PATCH + y) * IMAGE_W + px * PATCH + x];
                }
            }
        }
        return v;
    }
}
