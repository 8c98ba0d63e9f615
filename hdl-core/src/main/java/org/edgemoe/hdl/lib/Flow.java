package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Data;

/** A payload with a valid bit and no back-pressure: {@code io_<name>_valid}, {@code io_<name>_payload}. */
public final class Flow<T extends Data> extends Bundle {
    public final Bool valid = Bool();
    public final T payload;

    public Flow(T payload) {
        this.payload = payload;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Flow<T> cloneType() {
        Flow<T> f = new Flow<>((T) payload.cloneType());
        return isFlipped() ? flipped(f) : f;
    }

    /** A stream offering each flow payload for one cycle; payloads not accepted that cycle are lost. */
    public Stream<T> toStream() {
        Stream<T> s = wire(new Stream<>(payload));
        s.valid.set(valid);
        s.payload.set(payload);
        return s;
    }

    /** As {@link #toStream()}, driving {@code overflow} high on a cycle where a payload is lost. */
    public Stream<T> toStream(Bool overflow) {
        Stream<T> s = toStream();
        overflow.set(valid.and(s.ready.not()));
        return s;
    }
}
