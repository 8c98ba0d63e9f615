package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/**
 * Merges {@code n} streams into one (SpinalHDL's StreamArbiter). {@link Policy#LOWEST_INDEX_FIRST} grants
 * the lowest valid input; {@link Policy#ROUND_ROBIN} the first valid input after the last one served.
 * A grant offered but not accepted is locked until it transfers, so the output's payload stays stable
 * while valid (no input that arrives later can take over). {@code chosen} is the granted index.
 */
public final class StreamArbiter<T extends Data> extends Module {

    public enum Policy { LOWEST_INDEX_FIRST, ROUND_ROBIN }

    public final List<Stream<T>> inputs = new ArrayList<>();
    public final Stream<T> output;
    public final UInt chosen;

    public StreamArbiter(T type, int n, Policy policy) {
        if (n < 1) {
            throw new IllegalArgumentException("an arbiter needs at least one input, was " + n);
        }
        param("WIDTH", type.bitWidth());
        param("N", n);
        param("POLICY", policy.name());
        for (int i = 0; i < n; i++) {
            inputs.add(slave(new Stream<>(type)));
        }
        output = master(new Stream<>(type));
        int w = log2Up(n);
        chosen = out(UInt(w));

        List<Bool> valids = new ArrayList<>();
        for (Stream<T> s : inputs) {
            valids.add(s.valid);
        }
        UInt proposal;
        if (policy == Policy.ROUND_ROBIN && n > 1) {
            UInt last = reg(UInt(w)).init(n - 1).named("last");
            List<Bool> after = new ArrayList<>();
            Bool anyAfter = B(false);
            for (int i = 0; i < n; i++) {
                Bool a = i == 0 ? B(false) : valids.get(i).and(last.lt(i));
                after.add(a);
                anyAfter = anyAfter.or(a);
            }
            proposal = mux(anyAfter, lowest(after, w), lowest(valids, w));
            when(output.fire(), () -> last.set(chosen));
        } else {
            proposal = lowest(valids, w);
        }
        proposal = proposal.named("proposal");
        Bool locked = reg(Bool()).init(false).named("locked");
        UInt lockedIndex = reg(UInt(w)).init(0).named("lockedIndex");
        chosen.set(mux(locked, lockedIndex, proposal));
        locked.set(output.valid.and(output.ready.not()));
        lockedIndex.set(chosen);

        Bool valid = B(false);
        T payload = inputs.get(0).payload;
        for (int i = 0; i < n; i++) {
            Stream<T> s = inputs.get(i);
            Bool sel = chosen.eq(i);
            valid = valid.or(sel.and(s.valid));
            if (i > 0) {
                payload = mux(sel, s.payload, payload);
            }
            s.ready.set(sel.and(output.ready));
        }
        output.valid.set(valid);
        output.payload.set(payload);
    }

    /** Index of the lowest high bit of {@code bits} (0 when none is high). */
    private static UInt lowest(List<Bool> bits, int w) {
        UInt r = U(0, w);
        for (int i = bits.size() - 1; i >= 0; i--) {
            r = mux(bits.get(i), U(i, w), r);
        }
        return r;
    }

    /** Arbitrates {@code sources} into one stream with {@code policy}; returns the arbiter's output. */
    @SafeVarargs
    public static <T extends Data> Stream<T> on(Policy policy, Stream<T>... sources) {
        StreamArbiter<T> a = instance(new StreamArbiter<>(sources[0].payload, sources.length, policy));
        for (int i = 0; i < sources.length; i++) {
            a.inputs.get(i).driveFrom(sources[i]);
        }
        return a.output;
    }
}
