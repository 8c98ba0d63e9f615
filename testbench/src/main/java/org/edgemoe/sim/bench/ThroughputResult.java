package org.edgemoe.sim.bench;

/** Simulated cycles per second of one design in the three drive modes of {@link SimBench}. */
public record ThroughputResult(double perSignal, double batched, double cpp) {
    public double perSignalRatio() {
        return perSignal / cpp;
    }

    public double batchedRatio() {
        return batched / cpp;
    }
}
