package org.edgemoe.sim;

import java.util.Random;

/**
 * Drives the systolic MAC array through one matrix product C = A x B with the documented skewed
 * schedule (A[i][k] on row i at step k + i, B[k][j] on column j at step k + j, clear at step 0),
 * optionally inserting stall cycles (io_en low, garbage on the inputs) at random.
 */
final class SystolicHarness {
    final int n;
    private final Sim sim;
    private final SimSignal en;
    private final SimSignal clear;
    private final SimSignal aIn;
    private final SimSignal bIn;
    private final SimSignal row;
    private final SimSignal col;
    private final SimSignal data;
    private final SimSignal checksum;

    SystolicHarness(Sim sim, int n) {
        this.sim = sim;
        this.n = n;
        en = sim.signal("io_en");
        clear = sim.signal("io_clear");
        aIn = sim.signal("io_a_in");
        bIn = sim.signal("io_b_in");
        row = sim.signal("io_rd_row");
        col = sim.signal("io_rd_col");
        data = sim.signal("io_rd_data");
        checksum = sim.signal("io_checksum");
    }

    static byte[][] randomMatrix(Random random, int rows, int cols) {
        byte[][] m = new byte[rows][cols];
        for (byte[] r : m) random.nextBytes(r);
        return m;
    }

    static int[][] multiply(byte[][] a, byte[][] b) {
        int[][] c = new int[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                int sum = 0;
                for (int k = 0; k < b.length; k++) sum += a[i][k] * b[k][j];
                c[i][j] = sum;
            }
        }
        return c;
    }

    /** Total enabled steps of one product. */
    int steps(int k) {
        return k + 3 * n;
    }

    /** Runs enabled steps [from, to) of the product, with stall cycles at probability {@code stallRate}. */
    void feed(byte[][] a, byte[][] b, int from, int to, Random stalls, double stallRate) {
        int k = b.length;
        long[] aWords = new long[aIn.words()];
        long[] bWords = new long[bIn.words()];
        for (int s = from; s < to; s++) {
            while (stalls != null && stalls.nextDouble() < stallRate) {
                en.poke(0);
                clear.poke(stalls.nextInt(2));
                aIn.pokeWords(randomWords(stalls, aWords));
                bIn.pokeWords(randomWords(stalls, bWords));
                sim.step();
            }
            java.util.Arrays.fill(aWords, 0);
            java.util.Arrays.fill(bWords, 0);
            for (int lane = 0; lane < n; lane++) {
                int ka = s - lane;
                if (ka >= 0 && ka < k) aWords[lane / 8] |= (a[lane][ka] & 0xFFL) << (8 * (lane % 8));
                if (ka >= 0 && ka < k) bWords[lane / 8] |= (b[ka][lane] & 0xFFL) << (8 * (lane % 8));
            }
            en.poke(1);
            clear.poke(s == 0 ? 1 : 0);
            aIn.pokeWords(aWords);
            bIn.pokeWords(bWords);
            sim.step();
        }
        en.poke(0);
    }

    int read(int i, int j) {
        row.poke(i);
        col.poke(j);
        return (int) data.peek();
    }

    int[][] readAll() {
        int[][] c = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) c[i][j] = read(i, j);
        }
        return c;
    }

    int checksum() {
        return (int) checksum.peek();
    }

    static int xorAll(int[][] c) {
        int x = 0;
        for (int[] r : c) for (int v : r) x ^= v;
        return x;
    }

    private long[] randomWords(Random random, long[] words) {
        for (int w = 0; w < words.length; w++) words[w] = random.nextLong();
        return words;
    }
}
