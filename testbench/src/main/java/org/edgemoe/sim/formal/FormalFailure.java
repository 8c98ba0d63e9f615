package org.edgemoe.sim.formal;

/** A formal check did not prove what the test required; the message names the failed checks and the waveform. */
public class FormalFailure extends AssertionError {
    private final transient FormalResult result;

    public FormalFailure(FormalResult result) {
        super(result.toString());
        this.result = result;
    }

    public FormalResult result() {
        return result;
    }
}
