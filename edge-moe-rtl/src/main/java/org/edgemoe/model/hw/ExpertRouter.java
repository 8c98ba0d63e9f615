package org.edgemoe.model.hw;

import org.edgemoe.model.TopK;

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
        return TopK.of(values, k);
    }
}
