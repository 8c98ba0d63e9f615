package org.edgemoe.dse;

/**
 * Ordinary least squares for the resource model's small fits (a few coefficients, a few calibration rows): the normal
 * equations solved by Gaussian elimination with partial pivoting. With fewer rows than coefficients, or collinear
 * rows, the trailing coefficients are dropped (set to 0) until the system is determined.
 */
final class LeastSquares {
    private LeastSquares() { }

    static double[] solve(double[][] x, double[] y) {
        int n = x[0].length;
        for (int k = n; k >= 1; k--) {
            double[] c = tryFit(x, y, keep(n, k));
            if (c != null) {
                return c;
            }
        }
        return new double[n];
    }

    /** The constant (last) column always kept, then the leading ones. */
    private static boolean[] keep(int n, int k) {
        boolean[] on = new boolean[n];
        on[n - 1] = true;
        for (int i = 0; i < k - 1; i++) {
            on[i] = true;
        }
        return on;
    }

    private static double[] tryFit(double[][] x, double[] y, boolean[] on) {
        int n = x[0].length;
        int[] idx = java.util.stream.IntStream.range(0, n).filter(i -> on[i]).toArray();
        int k = idx.length;
        if (x.length < k) {
            return null;
        }
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += x[r][idx[i]] * x[r][idx[j]];
                }
                a[i][k] += x[r][idx[i]] * y[r];
            }
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double scale = 0;
            for (int j = 0; j < k; j++) {
                scale = Math.max(scale, Math.abs(a[col][j]));
            }
            if (Math.abs(a[piv][col]) <= 1e-9 * Math.max(1, scale)) {
                return null;
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int j = col; j <= k; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[] c = new double[n];
        for (int i = 0; i < k; i++) {
            c[idx[i]] = a[i][k] / a[i][i];
        }
        return c;
    }
}
