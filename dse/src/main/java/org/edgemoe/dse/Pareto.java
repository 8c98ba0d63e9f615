package org.edgemoe.dse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Non-dominated sets: every figure minimised; a point is on the front when no other is at least as good in all and better in one. */
public final class Pareto {
    private Pareto() { }

    /** The points no other point dominates on {@code figures}, in the input order. */
    @SafeVarargs
    public static <T> List<T> front(List<T> points, ToDoubleFunction<T>... figures) {
        List<T> out = new ArrayList<>();
        for (T a : points) {
            boolean dominated = false;
            for (T b : points) {
                if (a != b && dominates(b, a, figures)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(a);
            }
        }
        return out;
    }

    @SafeVarargs
    static <T> boolean dominates(T b, T a, ToDoubleFunction<T>... figures) {
        boolean better = false;
        for (ToDoubleFunction<T> f : figures) {
            double x = f.applyAsDouble(b);
            double y = f.applyAsDouble(a);
            if (x > y) {
                return false;
            }
            if (x < y) {
                better = true;
            }
        }
        return better;
    }

    /** A two-figure front sorted by the first figure (a staircase for a plot). */
    public static <T> List<T> staircase(List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        List<T> f = new ArrayList<>(front(points, x, y));
        f.sort(Comparator.comparingDouble(x));
        return f;
    }
}
