package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Ground;

/**
 * Delay lines (shift registers) with an enable and stable names, like SpinalHDL's {@code Delay} /
 * {@code History} with {@code when}: stage {@code d} (d = 0..n-1) holds {@code x} as it was {@code d + 1}
 * enabled cycles ago and is named {@code <name>_<d>} (a Bundle or Vec stage names its leaves
 * {@code <name>_<d>_<field>}). A null {@code enable} shifts on every clock; a null {@code name} leaves the
 * stages to the surrounding naming scope ({@code withPrefix}, field names). With {@code init} (ground
 * values only) every stage gets that reset value, e.g. the valid bits of a pipeline, so the line comes out
 * of reset empty; without it the stages have no reset (data).
 */
public final class ShiftRegister {
    private ShiftRegister() { }

    /** Every stage of the line: element d is {@code x} delayed by d + 1 enabled cycles (empty for n = 0). */
    public static <T extends Data> List<T> history(T x, int n, Bool enable, String name) {
        return build(x, n, enable, null, name);
    }

    /** {@link #history(Data, int, Bool, String)} with reset value {@code init} on every stage. */
    public static <T extends Ground> List<T> history(T x, int n, Bool enable, T init, String name) {
        if (init == null) {
            throw new IllegalArgumentException("ShiftRegister.history: init is null (use the overload without init)");
        }
        return build(x, n, enable, init, name);
    }

    /** {@code x} delayed by {@code n} enabled cycles ({@code x} itself for n = 0). */
    public static <T extends Data> T delay(T x, int n, Bool enable, String name) {
        List<T> h = history(x, n, enable, name);
        return h.isEmpty() ? x : h.get(n - 1);
    }

    /** {@link #delay(Data, int, Bool, String)} with reset value {@code init} on every stage. */
    public static <T extends Ground> T delay(T x, int n, Bool enable, T init, String name) {
        List<T> h = history(x, n, enable, init, name);
        return h.isEmpty() ? x : h.get(n - 1);
    }

    /** The OR of the stages of a line of valid bits: high while any of them holds an item. */
    public static Bool any(List<Bool> stages) {
        Bool r = B(false);
        for (Bool b : stages) {
            r = r.or(b);
        }
        return r;
    }

    private static <T extends Data> List<T> build(T x, int n, Bool enable, Ground init, String name) {
        if (n < 0) {
            throw new IllegalArgumentException("ShiftRegister of " + n + " stages");
        }
        if (x == null) {
            throw new IllegalArgumentException("ShiftRegister: the input is null");
        }
        if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("ShiftRegister name '" + name + "' is not an identifier");
        }
        if (n == 0) {
            return Collections.emptyList();
        }
        List<T> stages = new ArrayList<>(n);
        T prev = x;
        for (int d = 0; d < n; d++) {
            @SuppressWarnings("unchecked")
            T r = reg((T) x.cloneType());
            if (init != null) {
                ((Ground) r).init((Ground) init);
            }
            T from = prev;
            if (enable == null) {
                r.set(from);
            } else {
                when(enable, () -> r.set(from));
            }
            if (name != null) {
                r.named(name + "_" + d);
            }
            stages.add(r);
            prev = r;
        }
        return Collections.unmodifiableList(stages);
    }
}
