package org.edgemoe.model;

/** Summary statistics of a weight population (used to match synthetic experts to real dense weights). */
public record WeightStats(long count, double mean, double std, double maxAbs, double excessKurtosis) {

    public static WeightStats of(double[]... parts) {
        long n = 0;
        double sum = 0;
        double maxAbs = 0;
        for (double[] p : parts) {
            for (double v : p) {
                sum += v;
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            n += p.length;
        }
        double mean = sum / n;
        double m2 = 0;
        double m4 = 0;
        for (double[] p : parts) {
            for (double v : p) {
                double d = (v - mean) * (v - mean);
                m2 += d;
                m4 += d * d;
            }
        }
        m2 /= n;
        m4 /= n;
        return new WeightStats(n, mean, Math.sqrt(m2), maxAbs, m4 / (m2 * m2) - 3);
    }
}
