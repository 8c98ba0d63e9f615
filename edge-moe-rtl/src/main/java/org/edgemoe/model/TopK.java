package org.edgemoe.model;

/** Indices of the k largest values, largest first; equal values go to the lower index first. */
public final class TopK {

    private TopK() {
    }

    public static int[] of(double[] values, int k) {
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
