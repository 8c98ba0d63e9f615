package org.edgemoe.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An {@code assertAlways} (or {@code assume}) of the design failed in simulation. The message names the cycle,
 * the instance, the check's own message with its values, the design's source line and the waveform:
 * <pre>assertion failed at cycle 57 in TOP.Fifo: count 9 above depth 8 (Fifo.java:42); waveform: /.../t.vcd</pre>
 * The run stops after the cycle in which it failed ({@link Sim#cycle()} is then one past {@link #cycle()}).
 */
public class SimAssertionError extends AssertionError {
    private final List<SimEvent> failures;
    private final transient Path waveform;

    public SimAssertionError(List<SimEvent> failures, Path waveform) {
        super(describe(failures, waveform));
        this.failures = List.copyOf(failures);
        this.waveform = waveform;
    }

    /** The checks that failed in the stopping cycle (usually one), in the order the design ran them. */
    public List<SimEvent> failures() {
        return failures;
    }

    /** The first failure. */
    public SimEvent failure() {
        return failures.get(0);
    }

    /** The cycle of the failure: the rising edge at which it was sampled, counted like {@link Sim#cycle()}. */
    public long cycle() {
        return failure().cycle();
    }

    /** The design's source line of the check, e.g. {@code Fifo.java:42}. */
    public String where() {
        return failure().where();
    }

    public Optional<Path> waveform() {
        return Optional.ofNullable(waveform);
    }

    private static String describe(List<SimEvent> failures, Path waveform) {
        StringBuilder sb = new StringBuilder(failures.get(0).toString());
        for (int i = 1; i < failures.size(); i++) {
            sb.append("; and ").append(failures.get(i));
        }
        sb.append(waveform != null ? "; waveform: " + waveform : "; no waveform (record one with @RecordWaveform)");
        return sb.toString();
    }
}
