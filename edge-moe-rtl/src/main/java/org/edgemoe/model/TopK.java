package org.edgemoe.model;

/** Indices of the k largest values, largest first; equal values go to the lower index first. */
public final class TopK {

    private TopK() {
    }

    public static int[] of(double[] values, int k) {
        return of(values.length, k, (i, j) -> values[i] > values[j]);
    }

    public static int[] of(long[] values, int k) {
        return of(values.length, k, (i, j) -> values[i] > values[j]);
    }

    /** Whether value i is strictly greater than value j. */
    private interface Greater {
        boolean test(int i, int j);
    }

    private static int[] of(int n, int k, Greater greater) {
        int[] best = new int[k];
        boolean[] taken = new boolean[n];
        for (int r = 0; r < k; r++) {
            int arg = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (arg < 0 || greater.test(i, arg))) {
                    arg = i;
                }
            }
            taken[arg] = true;
            best[r] = arg;
        }
        return best;
    }
}
