package org.edgemoe.sim.formal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link Formal} run found.
 *
 * @param status         {@code PROVEN} (k-induction closed at {@code steps}), {@code BOUNDED} (no counterexample
 *                       within {@code steps} cycles after reset, but no induction proof either) or {@code FAILED}
 * @param steps          the induction length, the bound, or the length of the counterexample (reset cycle included)
 * @param failed         for {@code FAILED}: the checks that do not hold in the counterexample's last cycle
 * @param counterexample for {@code FAILED}: the trace as a VCD waveform (ports, registers, named wires, check wires)
 * @param log            Yosys's log
 * @param seconds        wall time of the Yosys run
 */
public record FormalResult(String top, Formal.Mode mode, Status status, int steps, List<FailedCheck> failed,
                           Optional<Path> counterexample, Path log, double seconds) {

    public enum Status { PROVEN, BOUNDED, FAILED }

    /** An assertion of the design that a counterexample breaks: its source line, message and check wire. */
    public record FailedCheck(String where, String message, String wire) {
        @Override
        public String toString() {
            return message + " (" + where + ")";
        }
    }

    public boolean proven() {
        return status == Status.PROVEN;
    }

    public boolean failedProof() {
        return status == Status.FAILED;
    }

    /** Throws {@link FormalFailure} unless k-induction proved every assertion. */
    public FormalResult assertProven() {
        if (status != Status.PROVEN) throw new FormalFailure(this);
        return this;
    }

    /** Throws {@link FormalFailure} if a counterexample was found (a bounded result passes). */
    public FormalResult assertNoCounterexample() {
        if (status == Status.FAILED) throw new FormalFailure(this);
        return this;
    }

    @Override
    public String toString() {
        return switch (status) {
            case PROVEN -> top + ": every assertion proven by " + steps + "-induction (" + String.format("%.1f", seconds) + " s)";
            case BOUNDED -> top + ": no counterexample within " + steps + " cycles after reset, but not proven by induction"
                + (mode == Formal.Mode.BOUNDED ? " (bounded check only)" : " up to " + steps) + " (" + String.format("%.1f", seconds) + " s)";
            case FAILED -> top + ": counterexample of " + steps + " cycles (reset first): " + failed
                + counterexample.map(p -> "; waveform: " + p).orElse("") + " (log: " + log + ")";
        };
    }
}
