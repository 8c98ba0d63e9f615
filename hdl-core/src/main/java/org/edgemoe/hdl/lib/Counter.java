package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Area;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;

/**
 * A counter from 0 to {@code n - 1} that wraps (SpinalHDL's Counter). Call {@link #increment()} or
 * {@link #clear()} under the conditions where it should count or restart (last call wins, clear over
 * increment in the same cycle). Create it at module level; held in a field {@code c}, its signals are named
 * {@code c_value}, {@code c_willIncrement}...
 */
public final class Counter extends Area {
    public final int n;
    /** The current count, a register of width log2Up(n), reset to 0. */
    public final UInt value;
    /** High on a cycle where {@link #increment()} was called. */
    public final Bool willIncrement;
    /** High on a cycle where {@link #clear()} was called. */
    public final Bool willClear;
    /** {@code value == n - 1}: an increment now wraps. */
    public final Bool willOverflowIfInc;
    /** An increment wraps this cycle. */
    public final Bool willOverflow;
    /** The value of the next cycle. */
    public final UInt valueNext;

    public Counter(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Counter(" + n + ")");
        }
        this.n = n;
        int w = log2Up(n);
        value = reg(UInt(w)).init(0);
        willIncrement = wireInit(B(false));
        willClear = wireInit(B(false));
        willOverflowIfInc = wire(Bool());
        willOverflowIfInc.set(n == 1 ? B(true) : value.eq(n - 1));
        willOverflow = wire(Bool());
        willOverflow.set(willOverflowIfInc.and(willIncrement));
        valueNext = wireInit(value);
        boolean wrapsByItself = Integer.bitCount(n) == 1;
        when(willIncrement, () -> valueNext.set(wrapsByItself ? value.plus(1) : mux(willOverflowIfInc, U(0, w), value.plus(1))));
        when(willClear, () -> valueNext.set(U(0, w)));
        value.set(valueNext);
    }

    /** Counts up by one this cycle (in the current when branch). */
    public void increment() {
        willIncrement.set(true);
    }

    /** Restarts at 0 this cycle (in the current when branch). */
    public void clear() {
        willClear.set(true);
    }
}
