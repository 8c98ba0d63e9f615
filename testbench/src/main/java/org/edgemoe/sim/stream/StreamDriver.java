package org.edgemoe.sim.stream;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.ValueFormat;

/**
 * Pushes queued payloads into a stream input of the design, idling valid at random (seeded, so a
 * failure replays). Follows the stream rule that valid and payload stay put until the transfer.
 *
 * <p>A beat is given as one {@code long} (single-signal payload of at most 64 bits), as one
 * {@code long} per payload signal ({@link #enqueue(long...)}, negative values as two's
 * complement of the signal's width), or as a {@link BigInteger} of the whole payload (lane 0 in
 * the lowest bits), which serves payloads of any width. Values that do not fit are rejected.
 */
public final class StreamDriver implements CycleAgent {
    private final StreamPorts ports;
    private final SplittableRandom random;
    private final double stallRate;
    /** Each beat is a long[] or a BigInteger[], one entry per lane. */
    private final Deque<Object> pending = new ArrayDeque<>();
    private boolean presenting;
    private long sent;
    private long stallCycles;

    /** Registers itself with {@code sim}; {@code stallRate} is the chance of holding valid low in a cycle. */
    public StreamDriver(Sim sim, String stream, long seed, double stallRate) {
        this(sim, StreamPorts.of(sim, stream), seed, stallRate);
    }

    /** As above, for explicitly given ports (e.g. {@link StreamPorts#of(Sim, String, List)}). */
    public StreamDriver(Sim sim, StreamPorts ports, long seed, double stallRate) {
        this.ports = ports;
        this.random = new SplittableRandom(seed);
        this.stallRate = stallRate;
        ports.valid().poke(0);
        sim.addAgent(this);
    }

    public StreamPorts ports() {
        return ports;
    }

    /** Queues one beat: a single long for a one-signal payload, else one long per payload signal (lane 0 first). */
    public void enqueue(long... beat) {
        if (beat.length != ports.lanes().size()) {
            throw new IllegalArgumentException("beat of " + beat.length + " values for the " + ports.lanes().size()
                + " payload signals of " + ports.name());
        }
        for (int k = 0; k < beat.length; k++) {
            int w = ports.lanes().get(k).width();
            if (w < 64 && (beat[k] >= (1L << w) || beat[k] < -(1L << (w - 1)))) {
                throw new IllegalArgumentException("value " + beat[k] + " does not fit in " + w + "-bit signal "
                    + ports.lanes().get(k).name());
            }
        }
        pending.add(beat.clone());
    }

    /**
     * Queues one beat given as real values, one per lane, each converted to its lane's format (fixed point: rounded
     * to nearest; out of range is an error). For streams found with {@link StreamPorts#of(Sim, org.edgemoe.hdl.lib.Stream)}.
     */
    public void enqueueReal(double... beat) {
        if (beat.length != ports.lanes().size()) {
            throw new IllegalArgumentException("beat of " + beat.length + " values for the " + ports.lanes().size()
                + " payload signals of " + ports.name());
        }
        BigInteger[] raw = new BigInteger[beat.length];
        for (int k = 0; k < beat.length; k++) {
            ValueFormat f = ports.formats().get(k);
            java.math.BigDecimal v = new java.math.BigDecimal(beat[k]);
            if (f.isFixed()) {
                int frac = f.fix().fracBits();
                v = frac >= 0 ? v.multiply(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(frac)))
                    : v.divide(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(-frac)));
            }
            BigInteger n = v.setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger();
            BigInteger min = f.signed() ? BigInteger.ONE.shiftLeft(f.width() - 1).negate() : BigInteger.ZERO;
            BigInteger max = (f.signed() ? BigInteger.ONE.shiftLeft(f.width() - 1) : BigInteger.ONE.shiftLeft(f.width())).subtract(BigInteger.ONE);
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                throw new IllegalArgumentException(beat[k] + " does not fit lane " + ports.lanes().get(k).name() + " (" + f + ")");
            }
            raw[k] = n.signum() < 0 ? n.add(BigInteger.ONE.shiftLeft(f.width())) : n;
        }
        pending.add(raw);
    }

    /** Queues one beat given as the whole payload value (lane 0 in the lowest bits); any width. */
    public void enqueue(BigInteger payload) {
        pending.add(ports.split(payload));
    }

    public void enqueueAll(Collection<Long> payloads) {
        for (long p : payloads) enqueue(p);
    }

    /** Queues beats of one long per payload signal. */
    public void enqueueBeats(Collection<long[]> beats) {
        for (long[] b : beats) enqueue(b);
    }

    /** Queues beats given as whole payload values. */
    public void enqueueAllBig(Collection<BigInteger> payloads) {
        for (BigInteger p : payloads) enqueue(p);
    }

    public boolean isIdle() {
        return pending.isEmpty();
    }

    /** Beats queued and not yet transferred. */
    public int pendingCount() {
        return pending.size();
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
        Object beat = pending.peek();
        List<SimSignal> lanes = ports.lanes();
        if (beat instanceof long[] values) {
            for (int k = 0; k < values.length; k++) {
                if (values[k] < 0 && lanes.get(k).width() > 64) {
                    lanes.get(k).poke(BigInteger.valueOf(values[k])); // sign-extend over the upper words
                } else {
                    lanes.get(k).poke(values[k]);
                }
            }
        } else {
            BigInteger[] values = (BigInteger[]) beat;
            for (int k = 0; k < values.length; k++) lanes.get(k).poke(values[k]);
        }
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
