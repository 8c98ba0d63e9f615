package org.edgemoe.rtl.perf;

/**
 * The parallelism of each unit of the accelerator, as the performance model needs it: compute array
 * rows x columns, attention query lanes P x elements per lane per cycle, LayerNorm lanes, gate-input elements the
 * router takes per cycle.
 */
public record AccelShape(int cuRows, int cuCols, int attnLanes, int attnBeat, int lnLanes, int gateLanes) {

    /** A router taking one gate element a cycle. */
    public AccelShape(int cuRows, int cuCols, int attnLanes, int attnBeat, int lnLanes) {
        this(cuRows, cuCols, attnLanes, attnBeat, lnLanes, 1);
    }

    public AccelShape {
        if (cuRows < 1 || cuCols < 1 || attnLanes < 1 || attnBeat < 1 || lnLanes < 1 || gateLanes < 1) {
            throw new IllegalArgumentException("every unit needs at least one lane: " + this);
        }
    }

    /** The units of an accelerator the generator builds from {@code cfg}. */
    public static AccelShape of(org.edgemoe.rtl.top.AcceleratorConfig cfg) {
        return new AccelShape(cfg.datapath().cu().rows(), cfg.datapath().cu().cols(), cfg.attention().lanes(), cfg.attention().beat(),
                cfg.datapath().lanes(), cfg.gateLanes());
    }

    /** Cycles of {@code s} on its unit at 100 % utilisation. */
    public long idealCycles(Step s) {
        long perCycle = switch (s.unit()) {
            case COMPUTE -> (long) cuRows * cuCols;
            case ATTENTION -> (long) attnLanes * attnBeat;
            case LAYERNORM -> lnLanes;
            case ROUTER -> gateLanes;
            case DDR -> 0;
        };
        return perCycle == 0 ? 0 : (s.work() + perCycle - 1) / perCycle;
    }
}
