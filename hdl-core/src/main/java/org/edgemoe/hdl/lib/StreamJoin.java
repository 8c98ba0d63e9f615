package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.function.BiFunction;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Data;

/**
 * Joins two streams into one (SpinalHDL's StreamJoin): the output is valid when both inputs are, and a
 * transfer consumes one payload of each. Inline logic: the result is a stream wire in the current module.
 */
public final class StreamJoin {
    private StreamJoin() { }

    /** The payload of a joined stream: fields {@code a} and {@code b}. */
    public static final class Pair<A extends Data, B extends Data> extends Bundle {
        public final A a;
        public final B b;

        public Pair(A a, B b) {
            this.a = a;
            this.b = b;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Pair<A, B> cloneType() {
            Pair<A, B> p = new Pair<>((A) a.cloneType(), (B) b.cloneType());
            return isFlipped() ? flipped(p) : p;
        }
    }

    /** Both payloads, as a {@link Pair}. */
    public static <A extends Data, B extends Data> Stream<Pair<A, B>> pair(Stream<A> a, Stream<B> b) {
        return with(a, b, (x, y) -> {
            Pair<A, B> p = wire(new Pair<>(x, y));
            p.a.set(x);
            p.b.set(y);
            return p;
        });
    }

    /** The payloads combined by {@code f}. */
    public static <A extends Data, B extends Data, R extends Data> Stream<R> with(Stream<A> a, Stream<B> b,
            BiFunction<A, B, R> f) {
        R value = f.apply(a.payload, b.payload);
        Stream<R> out = wire(new Stream<>(value));
        out.valid.set(a.valid.and(b.valid));
        out.payload.set(value);
        a.ready.set(out.fire());
        b.ready.set(out.fire());
        return out;
    }
}
