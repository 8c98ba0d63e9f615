package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Data;

/**
 * A valid / ready handshake carrying a payload. A transfer happens on a cycle where both are high
 * ({@link #fire()}). As ports: {@code io_<name>_valid}, {@code io_<name>_ready}, {@code io_<name>_payload}.
 * The producer side is {@code master(...)}, the consumer side {@code slave(...)}.
 */
public final class Stream<T extends Data> extends Bundle {
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
}
