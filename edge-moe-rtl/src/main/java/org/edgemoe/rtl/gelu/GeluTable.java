package org.edgemoe.rtl.gelu;

import org.edgemoe.model.Erf;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.edgemoe.model.hw.GeluModel;

/**
 * The GELU correction table: {@code T[i] = round(delta(i * 2^-stepBits) * 2^19)} in SQ-1.19
 * ({@link GeluModel#ENTRY}), delta(t) = t - gelu(t), for i = 0 .. entries-1; inputs with
 * {@code |x| >= (entries - 1) * 2^-stepBits} get delta = 0 (plain ReLU).
 *
 * <p>{@link #published()} is the golden model's table ({@link GeluModel#table()}: step 1/32, range
 * [0, 5.5], 177 entries) and is the only one the bit-exact tests check; {@link #of(int, double)}
 * builds other steps and ranges with the same formula (checked equal to the published table for
 * step 1/32, range 5.5), for design-space exploration only.
 */
public record GeluTable(int stepBits, long[] values) {

    public GeluTable {
        if (values.length < 2) {
            throw new IllegalArgumentException("a GELU table needs at least 2 entries");
        }
        values = values.clone();
    }

    /** The golden model's table (step 1/32, range 5.5, 177 entries). */
    public static GeluTable published() {
        return new GeluTable(GeluModel.STEP_BITS, GeluModel.table());
    }

    /** A table with step 2^-stepBits covering [0, range] (entries = range * 2^stepBits + 1). */
    public static GeluTable of(int stepBits, double range) {
        int n = (int) Math.round(range * (1 << stepBits)) + 1;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            double x = Math.scalb((double) i, -stepBits);
            t[i] = FixedRaw.fromDouble(x - Erf.gelu(x), GeluModel.ENTRY);
        }
        return new GeluTable(stepBits, t);
    }

    public int entries() {
        return values.length;
    }

    /** Entry i (raw SQ-1.19). */
    public long value(int i) {
        return values[i];
    }

    /** Index range limit: indices {@code >= entries() - 1} mean delta = 0. */
    public int limit() {
        return values.length - 1;
    }
}
