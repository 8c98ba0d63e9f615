package org.edgemoe.rtl.perf;

import java.util.List;

/**
 * The lower bound of a schedule: per step, the larger of its compute time at 100 % utilisation and its DDR
 * time at the sustained bandwidth, summed (no overlap across steps). What the accelerator achieves over this
 * bound is its efficiency ({@code e2e.efficiency}); prefetching across steps can beat it, which the report
 * says when it happens.
 */
public final class LowerBound {
    private LowerBound() { }

    /** One step's bound and which side sets it. */
    public record Row(Step step, long computeCycles, long ddrCycles) {
        public long cycles() {
            return Math.max(computeCycles, ddrCycles);
        }

        public boolean ddrBound() {
            return ddrCycles > computeCycles;
        }
    }

    public static List<Row> rows(List<Step> steps, AccelShape shape, DdrParams ddr) {
        return steps.stream().map(s -> new Row(s, shape.idealCycles(s), (long) Math.ceil(s.ddrBytes() / ddr.bytesPerCycle()))).toList();
    }

    public static long cycles(List<Step> steps, AccelShape shape, DdrParams ddr) {
        return rows(steps, shape, ddr).stream().mapToLong(Row::cycles).sum();
    }

    public static double ms(List<Step> steps, AccelShape shape, DdrParams ddr) {
        return cycles(steps, shape, ddr) * ddr.msPerCycle();
    }
}
