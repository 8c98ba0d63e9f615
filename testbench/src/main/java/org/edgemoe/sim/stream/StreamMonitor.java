package org.edgemoe.sim.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.ValueFormat;

/**
 * Takes transfers from a stream output of the design, dropping ready at random (seeded), records
 * each beat with its cycle and hands it to the {@link Scoreboard}s attached.
 *
 * <p>Beats can be read as one {@code long} ({@link #received()}, single-signal payloads of at
 * most 64 bits), as one {@code long} per payload signal ({@link #beats()}, sign-extended for the
 * lanes marked {@link #signed(boolean...) signed}) or as a {@link BigInteger} of the whole payload
 * ({@link #receivedBig()}, lane 0 in the lowest bits, unsigned), which serves any width.
 */
public final class StreamMonitor implements CycleAgent {
    private final StreamPorts ports;
    private final SplittableRandom random;
    private final double stallRate;
    private final boolean fitsLong;
    private boolean[] signed;
    private Scoreboard<Long> scoreboard;
    private Scoreboard<long[]> beatBoard;
    private Scoreboard<BigInteger> bigBoard;
    /** Each beat as one entry per lane: long[] when every lane fits a long, else BigInteger[] (unsigned). */
    private final List<Object> beats = new ArrayList<>();
    private final List<Long> cycles = new ArrayList<>();
    private boolean ready;
    private long stallCycles;

    /** Registers itself with {@code sim}; {@code stallRate} is the chance of holding ready low in a cycle. */
    public StreamMonitor(Sim sim, String stream, long seed, double stallRate, Scoreboard<Long> scoreboard) {
        this(sim, StreamPorts.of(sim, stream), seed, stallRate);
        check(scoreboard);
    }

    /** A monitor that only records; attach scoreboards with {@link #check}, {@link #checkBeats} or {@link #checkBig}. */
    public StreamMonitor(Sim sim, StreamPorts ports, long seed, double stallRate) {
        this.ports = ports;
        this.random = new SplittableRandom(seed);
        this.stallRate = stallRate;
        this.fitsLong = ports.lanesFitLong();
        this.signed = new boolean[ports.lanes().size()];
        for (int k = 0; k < signed.length; k++) signed[k] = ports.signedLane(k);
        ports.ready().poke(0);
        sim.addAgent(this);
    }

    public StreamPorts ports() {
        return ports;
    }

    /** Which lanes {@link #beats()} sign-extends (one flag per payload signal); returns this. */
    public StreamMonitor signed(boolean... perLane) {
        if (perLane.length != ports.lanes().size()) {
            throw new IllegalArgumentException(perLane.length + " flags for the " + ports.lanes().size()
                + " payload signals of " + ports.name());
        }
        this.signed = perLane.clone();
        return this;
    }

    /** Sign-extends every lane in {@link #beats()}; returns this. */
    public StreamMonitor allSigned() {
        Arrays.fill(signed, true);
        return this;
    }

    /** Checks each beat as one long (single signal of at most 64 bits); returns this. */
    public StreamMonitor check(Scoreboard<Long> board) {
        ports.payload();
        requireLong();
        this.scoreboard = board;
        ValueFormat f = ports.formats().get(0);
        board.showingIfUnset(v -> v instanceof Long l ? f.show(l) : Scoreboard.show(v));
        return this;
    }

    /** Checks each beat as one long per lane (as {@link #beats()} gives them); returns this. */
    public StreamMonitor checkBeats(Scoreboard<long[]> board) {
        requireLong();
        this.beatBoard = board;
        board.showingIfUnset(this::showBeat);
        return this;
    }

    /** Checks each beat as the whole payload value (as {@link #receivedBig()} gives them); returns this. */
    public StreamMonitor checkBig(Scoreboard<BigInteger> board) {
        this.bigBoard = board;
        if (ports.lanes().size() == 1) {
            ValueFormat f = ports.formats().get(0);
            board.showingIfUnset(v -> v instanceof BigInteger b ? f.show(b) : Scoreboard.show(v));
        }
        return this;
    }

    /** Payloads of a single-signal stream of at most 64 bits, unsigned. */
    public List<Long> received() {
        ports.payload();
        requireLong();
        List<Long> out = new ArrayList<>(beats.size());
        for (Object b : beats) out.add(((long[]) b)[0]);
        return List.copyOf(out);
    }

    /** Each beat as one long per payload signal; lanes marked signed are sign-extended. */
    public List<long[]> beats() {
        requireLong();
        List<long[]> out = new ArrayList<>(beats.size());
        for (Object b : beats) out.add(asBeat((long[]) b));
        return out;
    }

    /** Each beat as the whole payload, lane 0 in the lowest bits, unsigned. */
    public List<BigInteger> receivedBig() {
        List<BigInteger> out = new ArrayList<>(beats.size());
        for (Object b : beats) out.add(asBig(b));
        return out;
    }

    /** The cycle of each received beat. */
    public List<Long> cycles() {
        return List.copyOf(cycles);
    }

    public int receivedCount() {
        return beats.size();
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
        if (!ready || !ports.valid().peekBoolean()) return;
        List<SimSignal> lanes = ports.lanes();
        Object beat;
        if (fitsLong) {
            long[] raw = new long[lanes.size()];
            for (int k = 0; k < raw.length; k++) raw[k] = lanes.get(k).peek();
            beat = raw;
        } else {
            BigInteger[] raw = new BigInteger[lanes.size()];
            for (int k = 0; k < raw.length; k++) raw[k] = lanes.get(k).peekBig();
            beat = raw;
        }
        beats.add(beat);
        cycles.add(cycle);
        if (scoreboard != null) {
            long v = ((long[]) beat)[0];
            scoreboard.actual(cycle, ports.signedLane(0) ? asBeat((long[]) beat)[0] : v);
        }
        if (beatBoard != null) beatBoard.actual(cycle, asBeat((long[]) beat));
        if (bigBoard != null) bigBoard.actual(cycle, asBig(beat));
    }

    /** Each beat's lanes as real values: fixed-point lanes in their format, integer lanes as numbers. */
    public List<double[]> realBeats() {
        List<double[]> out = new ArrayList<>(beats.size());
        for (Object b : beats) {
            double[] v = new double[ports.lanes().size()];
            for (int k = 0; k < v.length; k++) {
                BigInteger lane = b instanceof long[] raw ? new BigInteger(Long.toUnsignedString(raw[k])) : ((BigInteger[]) b)[k];
                v[k] = ports.formats().get(k).real(lane).doubleValue();
            }
            out.add(v);
        }
        return out;
    }

    private String showBeat(Object v) {
        if (!(v instanceof long[] beat) || beat.length != ports.lanes().size()) return Scoreboard.show(v);
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < beat.length; k++) parts.add(ports.formats().get(k).show(beat[k]));
        return "[" + String.join(", ", parts) + "]";
    }

    private long[] asBeat(long[] raw) {
        long[] out = raw.clone();
        for (int k = 0; k < out.length; k++) {
            int w = ports.lanes().get(k).width();
            if (signed[k] && w < 64) out[k] = (out[k] << (64 - w)) >> (64 - w);
        }
        return out;
    }

    private BigInteger asBig(Object beat) {
        BigInteger value = BigInteger.ZERO;
        int lo = 0;
        for (int k = 0; k < ports.lanes().size(); k++) {
            BigInteger lane = beat instanceof long[] raw
                ? new BigInteger(Long.toUnsignedString(raw[k])) : ((BigInteger[]) beat)[k];
            value = value.or(lane.shiftLeft(lo));
            lo += ports.lanes().get(k).width();
        }
        return value;
    }

    private void requireLong() {
        if (!fitsLong) {
            throw new IllegalStateException("stream " + ports.name() + " has a payload signal wider than 64 bits; "
                + "use receivedBig()/checkBig()");
        }
    }
}
