package org.edgemoe.sim.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.Sim;

/**
 * Takes transfers from a stream output of the design, dropping ready at random (seeded), and
 * hands each payload with its cycle to a {@link Scoreboard}.
 */
public final class StreamMonitor implements CycleAgent {
    private final StreamPorts ports;
    private final SplittableRandom random;
    private final double stallRate;
    private final Scoreboard<Long> scoreboard;
    private final List<Long> received = new ArrayList<>();
    private boolean ready;
    private long stallCycles;

    /** Registers itself with {@code sim}; {@code stallRate} is the chance of holding ready low in a cycle. */
    public StreamMonitor(Sim sim, String stream, long seed, double stallRate, Scoreboard<Long> scoreboard) {
        this.ports = StreamPorts.of(sim, stream);
        this.random = new SplittableRandom(seed);
        this.stallRate = stallRate;
        this.scoreboard = scoreboard;
        ports.ready().poke(0);
        sim.addAgent(this);
    }

    public List<Long> received() {
        return List.copyOf(received);
    }

    public int receivedCount() {
        return received.size();
    }

    /** Cycles ready was held low. */
    public long stallCycles() {
        return stallCycles;
    }

    @Override
    public void drive(Sim sim, long cycle) {
        ready = random.nextDouble() >= stallRate;
        if (!ready) stallCycles++;
        ports.ready().poke(ready ? 1 : 0);
    }

    @Override
    public void sample(Sim sim, long cycle) {
        if (ready && ports.valid().peekBoolean()) {
            long payload = ports.payload().peek();
            received.add(payload);
            scoreboard.actual(cycle, payload);
        }
    }
}
