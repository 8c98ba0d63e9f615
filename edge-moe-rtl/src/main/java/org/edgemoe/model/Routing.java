package org.edgemoe.model;

import java.util.Arrays;

/** The gate's decision for every token of one MoE layer: chosen experts (best first) and their kept probabilities. */
public record Routing(int[][] experts, double[][] weights) {

    /** Number of distinct experts used by at least one token. */
    public int activeExperts() {
        boolean[] used = new boolean[ModelShape.EXPERTS];
        for (int[] e : experts) {
            for (int i : e) {
                used[i] = true;
            }
        }
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        return n;
    }

    /** Share of tokens whose expert set (order ignored) equals {@code other}'s. */
    public double agreement(Routing other) {
        int same = 0;
        for (int t = 0; t < experts.length; t++) {
            same += sameExperts(other, t) ? 1 : 0;
        }
        return (double) same / experts.length;
    }

    /** Whether token {@code t} uses the same expert set (order ignored) in both routings. */
    public boolean sameExperts(Routing other, int t) {
        int[] a = experts[t].clone();
        int[] b = other.experts[t].clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b);
    }
}
