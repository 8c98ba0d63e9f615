package org.edgemoe.model;

/** Mean squared error and max absolute error between two equally shaped arrays. */
public record ErrorStats(double mse, double maxAbs) {

    public static ErrorStats between(double[][] actual, double[][] expected) {
        double sum = 0;
        double max = 0;
        long n = 0;
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual[i].length; j++) {
                double d = actual[i][j] - expected[i][j];
                sum += d * d;
                max = Math.max(max, Math.abs(d));
                n++;
            }
        }
        return new ErrorStats(sum / n, max);
    }

    /** Pearson correlation of all elements. */
    public static double correlation(double[][] a, double[][] b) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sa += a[i][j];
                sb += b[i][j];
                saa += a[i][j] * a[i][j];
                sbb += b[i][j] * b[i][j];
                sab += a[i][j] * b[i][j];
                n++;
            }
        }
        double cov = sab / n - (sa / n) * (sb / n);
        return cov / Math.sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
    }
}
