package org.edgemoe.hdl.ir;

/**
 * How a module's implicit clock and reset behave. Defaults: rising edge, synchronous, active high,
 * ports named {@code clk} and {@code reset} (SpinalHDL's names).
 */
public record ClockConfig(ResetKind resetKind, boolean resetActiveHigh, String clockName, String resetName) {

    public enum ResetKind { SYNC, ASYNC }

    public static final ClockConfig DEFAULT = new ClockConfig(ResetKind.SYNC, true, "clk", "reset");

    public ClockConfig withAsyncReset() {
        return new ClockConfig(ResetKind.ASYNC, resetActiveHigh, clockName, resetName);
    }

    /** Active-low reset, named {@code resetn} unless renamed. */
    public ClockConfig withActiveLowReset() {
        return new ClockConfig(resetKind, false, clockName, "reset".equals(resetName) ? "resetn" : resetName);
    }

    public ClockConfig withNames(String clock, String reset) {
        return new ClockConfig(resetKind, resetActiveHigh, clock, reset);
    }
}
