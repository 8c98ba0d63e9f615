package org.edgemoe.model.hw;

/** Top-k selection of the expert router. */
public final class ExpertRouter {

    private ExpertRouter() {
    }

    /**
     * Indices of the k largest raw values, largest first; among equal values the lower index wins
     * (a strict greater-than comparator scanning experts 0..15).
     */
    public static int[] topK(long[] values, int k) {
        if (k > values.length) {
            throw new IllegalArgumentException("k > number of values");
        }
        int[] best = new int[k];
        boolean[] taken = new boolean[values.length];
        for (int r = 0; r < k; r++) {
            int arg = -1;
            for (int i = 0; i < values.length; i++) {
                if (!taken[i] && (arg < 0 || values[i] > values[arg])) {
                    arg = i;
                }
            }
            taken[arg] = true;
            best[r] = arg;
        }
        return best;
    }
}
