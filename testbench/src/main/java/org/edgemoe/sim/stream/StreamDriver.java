package org.edgemoe.sim.stream;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.SplittableRandom;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.Sim;

/**
 * Pushes queued payloads into a stream input of the design, idling valid at random (seeded, so a
 * failure replays). Follows the stream rule that valid and payload stay put until the transfer.
 */
public final class StreamDriver implements CycleAgent {
    private final StreamPorts ports;
    private final SplittableRandom random;
    private final double stallRate;
    private final Deque<Long> pending = new ArrayDeque<>();
    private boolean presenting;
    private long sent;
    private long stallCycles;

    /** Registers itself with {@code sim}; {@code stallRate} is the chance of holding valid low in a cycle. */
    public StreamDriver(Sim sim, String stream, long seed, double stallRate) {
        this.ports = StreamPorts.of(sim, stream);
        this.random = new SplittableRandom(seed);
        this.stallRate = stallRate;
        ports.valid().poke(0);
        sim.addAgent(this);
    }

    public void enqueue(long payload) {
        pending.add(payload);
    }

    public void enqueueAll(Collection<Long> payloads) {
        pending.addAll(payloads);
    }

    public boolean isIdle() {
        return pending.isEmpty();
    }

    public long sent() {
        return sent;
    }

    /** Cycles valid was held low although data was waiting. */
    public long stallCycles() {
        return stallCycles;
    }

    @Override
    public void drive(Sim sim, long cycle) {
        if (pending.isEmpty()) {
            ports.valid().poke(0);
            return;
        }
        if (!presenting && random.nextDouble() < stallRate) {
            ports.valid().poke(0);
            stallCycles++;
            return;
        }
        ports.payload().poke(pending.peek());
        ports.valid().poke(1);
        presenting = true;
    }

    @Override
    public void sample(Sim sim, long cycle) {
        if (presenting && ports.ready().peekBoolean()) {
            pending.poll();
            sent++;
            presenting = false;
        }
    }
}
