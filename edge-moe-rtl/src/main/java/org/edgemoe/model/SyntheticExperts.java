package org.edgemoe.model;

import java.util.Random;

/**
 * Expert weight matrices are not in the weight folder, so they are generated: every weight is an
 * independent normal sample N(mean, std) with the mean and standard deviation of the real dense
 * weights of the nearest dense layer below (layer L-1): expert fc1 matches that layer's fc1, expert
 * fc2 its fc2. Real expert biases are used. The generator is {@link java.util.Random#nextGaussian()},
 * whose algorithm is fixed by the Java specification, so the weights are the same on every JVM.
 */
public final class SyntheticExperts {
    /** Base seed; expert e of layer L uses {@code SEED + 1000 * L + e}. */
    public static final long SEED = 20230529L;

    private SyntheticExperts() {
    }

    public static Mlp[] generate(int layer, WeightStats fc1, WeightStats fc2, double[] fc1Bias, double[] fc2Bias) {
        int d = ModelShape.DIM;
        int h = ModelShape.EXPERT_HIDDEN;
        Mlp[] experts = new Mlp[ModelShape.EXPERTS];
        for (int e = 0; e < experts.length; e++) {
            Random random = new Random(SEED + 1000L * layer + e);
            double[] w1 = normal(random, h * d, fc1);
            double[] w2 = normal(random, d * h, fc2);
            double[] b1 = java.util.Arrays.copyOfRange(fc1Bias, e * h, (e + 1) * h);
            double[] b2 = java.util.Arrays.copyOfRange(fc2Bias, e * d, (e + 1) * d);
            experts[e] = new Mlp(w1, b1, w2, b2);
        }
        return experts;
    }

    private static double[] normal(Random random, int n, WeightStats target) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            // Rounded to float like every real weight, so both models see float32 values.
            w[i] = (float) (target.mean() + target.std() * random.nextGaussian());
        }
        return w;
    }
}
