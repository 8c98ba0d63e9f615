package org.edgemoe.model.hw;

import org.edgemoe.model.Erf;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.FixedRaw;

/**
 * GELU as ReLU minus a correction: gelu(x) = relu(x) - delta(|x|), delta(t) = relu(t) - gelu(t).
 *
 * <p>Table: 177 entries {@code T[i] = round(delta(i/32) * 2^19)}, i = 0..176 (t in [0, 5.5], step
 * 1/32), format {@link #ENTRY} = SQ-1.19 (delta peaks at about 0.170). For an input with F >= 5
 * fraction bits: t = |x| (raw), i = t >> (F-5), r = t mod 2^(F-5) (the F-5 bits below the index);
 * if i >= 176 (t >= 5.5) delta = 0, else
 * {@code delta = T[i] + floor((T[i+1] - T[i]) * r / 2^(F-5))} in SQ-1.19 (the product is at most
 * 19 + F-5 bits). The result {@code relu(x) - delta} is formed exactly with max(F, 19) fraction
 * bits, then written to the output format with the profile's rounding and overflow.
 * Max |error| against erf-GELU: 9.7e-5 from interpolation (h^2/8 * max|delta''| = 0.798/8192) plus
 * 2^-20 table rounding, plus the output quantisation.
 */
public final class GeluModel {
    public static final FixFormat ENTRY = FixFormat.ofWidth(true, 18, 19);
    public static final int STEP_BITS = 5;
    public static final int ENTRIES = 177;
    private static final long[] TABLE = buildTable();

    private GeluModel() {
    }

    private static long[] buildTable() {
        long[] t = new long[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            double x = i / 32.0;
            t[i] = FixedRaw.fromDouble(x - Erf.gelu(x), ENTRY);
        }
        return t;
    }

    /** The table, raw SQ-1.19 (a copy, for generating ROM contents). */
    public static long[] table() {
        return TABLE.clone();
    }

    /** delta(|x|) in {@link #ENTRY} format for a raw input with {@code frac} fraction bits. */
    public static long delta(long rawX, int frac) {
        if (frac < STEP_BITS) {
            throw new IllegalArgumentException("GELU input needs >= 5 fraction bits, got " + frac);
        }
        long t = Math.abs(rawX);
        int rBits = frac - STEP_BITS;
        long i = t >> rBits;
        if (i >= ENTRIES - 1) {
            return 0;
        }
        long r = t & ((1L << rBits) - 1);
        int k = (int) i;
        return TABLE[k] + FixedRaw.floorShift((TABLE[k + 1] - TABLE[k]) * r, rBits);
    }

    public static long gelu(long rawX, FixFormat in, FixFormat out, Formats f) {
        int frac = in.fracBits();
        int g = Math.max(frac, ENTRY.fracBits());
        long relu = Math.max(rawX, 0);
        long y = (relu << (g - frac)) - (delta(rawX, frac) << (g - ENTRY.fracBits()));
        return FixedRaw.convert(y, g, out, f.rounding(), f.overflow());
    }
}
