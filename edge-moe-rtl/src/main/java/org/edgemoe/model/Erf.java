package org.edgemoe.model;

/** The error function to near double precision (Java has none): Taylor series near 0, continued fraction in the tails. */
public final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Erf() {
    }

    public static double erf(double x) {
        double a = Math.abs(x);
        double r = a < 2.5 ? series(a) : 1 - erfcContinuedFraction(a);
        return Math.copySign(r, x);
    }

    /** erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1)). */
    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), x >= 2.5. */
    private static double erfcContinuedFraction(double x) {
        double f = x;
        for (int n = 80; n >= 1; n--) {
            f = x + (n / 2.0) / f;
        }
        return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
    }

    /** Exact GELU: x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2)). */
    public static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }
}
