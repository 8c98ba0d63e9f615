package org.edgemoe.runtime;

/**
 * What a run produced: the output features, the performance counters, the task, and the accelerator time from
 * START until the driver saw the run end ({@code nanos}: wall clock on a board, simulated time in simulation; the
 * counters' {@code cycles} is the hardware's own count).
 */
public record RunResult(Features features, PerfCounters perf, Task task, long nanos) { }
