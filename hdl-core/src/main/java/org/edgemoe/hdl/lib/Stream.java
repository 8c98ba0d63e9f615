package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Data;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A valid / ready handshake carrying a payload. A transfer happens on a cycle where both are high
 * ({@link #fire()}). As ports: {@code io_<name>_valid}, {@code io_<name>_ready}, {@code io_<name>_payload}.
 * The producer side is {@code master(...)}, the consumer side {@code slave(...)}.
 */
public class Stream<T extends Data> extends Bundle {
    public final Bool valid = Bool();
    public final Bool ready = flipped(Bool());
    public final T payload;

    public Stream(T payload) {
        this.payload = payload;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<T> cloneType() {
        Stream<T> s = new Stream<>((T) payload.cloneType());
        return isFlipped() ? flipped(s) : s;
    }

    /** High on a cycle where a transfer happens. */
    public Bool fire() {
        return valid.and(ready);
    }

    /** Drives this stream from {@code source} (valid and payload forward, ready back). */
    @SuppressWarnings("unchecked")
    public void driveFrom(Stream<T> source) {
        connectFrom(source);
    }

    /** This stream through a FIFO of {@code depth} entries; returns the FIFO's output. */
    public Stream<T> queue(int depth) {
        StreamFifo<T> fifo = instance(new StreamFifo<>(payload, depth));
        fifo.push.driveFrom(this);
        return fifo.pop;
    }

    /** This stream through a register stage (valid and payload registered, full throughput). */
    public Stream<T> stage() {
        StreamStage<T> s = instance(new StreamStage<>(payload));
        s.input.driveFrom(this);
        return s.output;
    }

    /** Back-pressure-free throughput register stage of the ready path (SpinalHDL's s2mPipe, a skid buffer). */
    public Stream<T> s2mPipe() {
        StreamS2mPipe<T> s = instance(new StreamS2mPipe<>(payload));
        s.input.driveFrom(this);
        return s.output;
    }

    /** Same as {@link #stage()} (SpinalHDL's name). */
    public Stream<T> m2sPipe() {
        return stage();
    }

    // ---- inline operators: each returns a new stream wire in the current module ----

    /** The same handshake carrying {@code value} instead of the payload. */
    public <R extends Data> Stream<R> translateWith(R value) {
        Stream<R> out = wire(new Stream<>(value));
        out.valid.set(valid);
        out.payload.set(value);
        ready.set(out.ready);
        return out;
    }

    /** The same handshake carrying {@code f(payload)}. */
    public <R extends Data> Stream<R> map(Function<T, R> f) {
        return translateWith(f.apply(payload));
    }

    /** Holds transfers back (valid low, ready low) while {@code cond} is high. */
    public Stream<T> haltWhen(Bool cond) {
        Stream<T> out = wire(new Stream<>(payload));
        out.valid.set(valid.and(cond.not()));
        out.payload.set(payload);
        ready.set(out.ready.and(cond.not()));
        return out;
    }

    /** Lets transfers through only while {@code cond} is high (haltWhen of its negation). */
    public Stream<T> continueWhen(Bool cond) {
        return haltWhen(cond.not());
    }

    /** Drops the payloads offered while {@code cond} is high (accepted here, not passed on). */
    public Stream<T> throwWhen(Bool cond) {
        Stream<T> out = wire(new Stream<>(payload));
        out.valid.set(valid.and(cond.not()));
        out.payload.set(payload);
        ready.set(out.ready.or(cond));
        return out;
    }

    /** Keeps only the payloads offered while {@code cond} is high (throwWhen of its negation). */
    public Stream<T> takeWhen(Bool cond) {
        return throwWhen(cond.not());
    }

    /**
     * {@code n} copies of this stream, synchronous: a payload transfers to all outputs in the same cycle,
     * when every output is ready (an output's valid does not depend on its own ready).
     */
    public List<Stream<T>> fork(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("fork(" + n + ")");
        }
        List<Stream<T>> outs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outs.add(wire(new Stream<>(payload)));
        }
        Bool all = B(true);
        for (int i = 0; i < n; i++) {
            Bool others = valid;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others = others.and(outs.get(j).ready);
                }
            }
            outs.get(i).valid.set(others);
            outs.get(i).payload.set(payload);
            all = all.and(outs.get(i).ready);
        }
        ready.set(all);
        return outs;
    }

    /** A flow of the transfers: ready is tied high, so the producer is never stalled. */
    public Flow<T> toFlow() {
        Flow<T> f = wire(new Flow<>(payload));
        f.valid.set(valid);
        f.payload.set(payload);
        ready.set(true);
        return f;
    }
}
