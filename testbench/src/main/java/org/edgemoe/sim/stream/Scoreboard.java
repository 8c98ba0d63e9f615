package org.edgemoe.sim.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.edgemoe.sim.Until;

/**
 * In-order comparison of what a design produced against what the test expects. It keeps going
 * after a mismatch but reports the FIRST one, with the cycle it happened in, because later
 * mismatches are usually consequences of it. Arrays (e.g. {@code long[]} beats of a multi-signal
 * payload) compare by content; longs and BigIntegers are shown in decimal and hex.
 */
public final class Scoreboard<T> {
    /** The first difference: transfer {@code index} at {@code cycle}; a null side means "none". */
    public record Mismatch(long cycle, int index, Object expected, Object actual, Function<Object, String> shows) {
        public Mismatch(long cycle, int index, Object expected, Object actual) {
            this(cycle, index, expected, actual, Scoreboard::show);
        }

        @Override
        public String toString() {
            return "cycle " + cycle + ", index " + index + ": expected " + showOrNothing(expected) + " but was " + showOrNothing(actual);
        }

        private String showOrNothing(Object v) {
            return v == null ? "<nothing>" : shows.apply(v);
        }
    }

    private Function<Object, String> shows = Scoreboard::show;
    private boolean showsSet;

    /**
     * How values are printed in reports (default: decimal and hex). A {@link StreamMonitor} on a typed stream
     * sets its payload's formats here, so a fixed-point mismatch reads {@code expected -0.0703125 (raw 0xfb80)}.
     */
    public Scoreboard<T> showing(Function<Object, String> format) {
        this.shows = format;
        this.showsSet = true;
        return this;
    }

    void showingIfUnset(Function<Object, String> format) {
        if (!showsSet) this.shows = format;
    }

    /** The condition that every expected output was seen, named for {@code Sim.runUntil}'s timeout message. */
    public Until done() {
        return Until.of(() -> "scoreboard " + name + " to see all " + expected.size() + " expected outputs (" + index + " seen)",
            this::allSeen);
    }

    private final String name;
    private final List<T> expected = new ArrayList<>();
    private int index;
    private long lastCycle;
    private Mismatch first;

    public Scoreboard(String name) {
        this.name = name;
    }

    public void expect(T value) {
        expected.add(value);
    }

    public void expectAll(Collection<? extends T> values) {
        expected.addAll(values);
    }

    /** Records the design's next output, observed at {@code cycle}. */
    public void actual(long cycle, T value) {
        lastCycle = cycle;
        if (first == null) {
            if (index >= expected.size()) {
                first = new Mismatch(cycle, index, null, value, shows);
            } else if (!Objects.deepEquals(expected.get(index), value)) {
                first = new Mismatch(cycle, index, expected.get(index), value, shows);
            }
        }
        index++;
    }

    /** How many outputs have been seen. */
    public int seen() {
        return index;
    }

    public boolean allSeen() {
        return index >= expected.size();
    }

    public Optional<Mismatch> firstMismatch() {
        return Optional.ofNullable(first);
    }

    /** Throws AssertionError at the first mismatch, or if outputs are missing. */
    public void assertComplete() {
        if (first != null) throw new AssertionError("scoreboard " + name + ": first mismatch at " + first);
        if (index < expected.size()) {
            throw new AssertionError("scoreboard " + name + ": only " + index + " of " + expected.size()
                + " outputs seen (last at cycle " + lastCycle + "); next expected " + shows.apply(expected.get(index)));
        }
    }

    static String show(Object value) {
        if (value == null) return "<nothing>";
        if (value instanceof Long l) return l + " (0x" + Long.toHexString(l) + ")";
        if (value instanceof BigInteger b) return b + " (0x" + b.toString(16) + ")";
        if (value instanceof long[] a) return Arrays.toString(a);
        if (value instanceof Object[] a) return Arrays.deepToString(a);
        return String.valueOf(value);
    }
}
