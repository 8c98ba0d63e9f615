package org.edgemoe.rtl.perf;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lower bounds of a schedule. {@link #cycles}: no schedule beats every unit's work at 100 % utilisation, nor the DDR's
 * bytes at the sustained bandwidth, so the bound is the largest of those totals (compute unit, attention, LayerNorm,
 * router, DDR), whatever overlaps across steps; what the accelerator achieves over it is its efficiency
 * ({@code e2e.efficiency}). {@link #serialCycles}: per step the larger of its compute and DDR time, summed, the floor
 * of a machine that overlaps nothing across steps (the accelerator beats it by prefetching expert weights and running
 * attention beside the QKV linear).
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

    /** The largest of the units' and the DDR's total times. */
    public static long cycles(List<Step> steps, AccelShape shape, DdrParams ddr) {
        Map<Step.Unit, Long> busy = new EnumMap<>(Step.Unit.class);
        long ddrCycles = 0;
        for (Row r : rows(steps, shape, ddr)) {
            busy.merge(r.step().unit(), r.computeCycles(), Long::sum);
            ddrCycles += r.ddrCycles();
        }
        return Math.max(ddrCycles, busy.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    public static double ms(List<Step> steps, AccelShape shape, DdrParams ddr) {
        return cycles(steps, shape, ddr) * ddr.msPerCycle();
    }

    /** Per step the larger of compute and DDR, summed: no overlap across steps. */
    public static long serialCycles(List<Step> steps, AccelShape shape, DdrParams ddr) {
        return rows(steps, shape, ddr).stream().mapToLong(Row::cycles).sum();
    }

    public static double serialMs(List<Step> steps, AccelShape shape, DdrParams ddr) {
        return serialCycles(steps, shape, ddr) * ddr.msPerCycle();
    }
}
