package org.edgemoe.hdl.fixed;

/**
 * Fast fixed-point helpers on raw {@code long} integers, for hot loops. A raw value {@code r}
 * with {@code f} fraction bits stands for {@code r * 2^-f}. Semantics are identical to
 * {@link Fixed} (tested against it) as long as every intermediate fits in 64 bits; the format
 * arguments must satisfy {@link FixFormat#fitsLong()}.
 */
public final class FixedRaw {

    private FixedRaw() {
    }

    /**
     * Drops {@code shift} low bits of {@code raw} with the given rounding (returns
     * {@code round(raw / 2^shift)}); a negative shift multiplies by {@code 2^-shift} (exact unless it
     * leaves 64 bits, when the bits above 64 are lost like a wrap).
     */
    public static long shiftRound(long raw, int shift, Rounding rounding) {
        if (shift <= 0) {
            return shift <= -64 ? 0 : raw << -shift;
        }
        if (shift >= 64) {
            // |raw / 2^shift| <= 1/2: floor gives -1 for negatives, nearest (any tie rule) gives 0.
            return rounding == Rounding.TRUNCATE && raw < 0 ? -1 : 0;
        }
        long floor = raw >> shift;
        switch (rounding) {
            case TRUNCATE:
                return floor;
            case ROUND_HALF_UP:
                return floor + ((raw >>> (shift - 1)) & 1L);
            case CONVERGENT: {
                long rem = raw & ((1L << shift) - 1);
                long half = 1L << (shift - 1);
                if (Long.compareUnsigned(rem, half) > 0) {
                    return floor + 1;
                }
                return rem == half ? floor + (floor & 1L) : floor;
            }
            default:
                throw new IllegalArgumentException(String.valueOf(rounding));
        }
    }

    /** Floor of {@code raw / 2^shift} (arithmetic shift), the most common quantisation; a negative shift multiplies. */
    public static long floorShift(long raw, int shift) {
        if (shift < 0) {
            return shift <= -64 ? 0 : raw << -shift;
        }
        return shift >= 64 ? (raw < 0 ? -1 : 0) : raw >> shift;
    }

    /** Makes an integer raw value fit {@code format}'s width by wrapping or saturating. */
    public static long fit(long raw, FixFormat format, Overflow overflow) {
        int w = format.width();
        if (overflow == Overflow.WRAP) {
            if (format.signed()) {
                return w >= 64 ? raw : (raw << (64 - w)) >> (64 - w);
            }
            return raw & ((1L << w) - 1);
        }
        long min = minRaw(format);
        long max = maxRaw(format);
        return raw < min ? min : (raw > max ? max : raw);
    }

    /**
     * Converts a raw value with {@code fromFrac} fraction bits into {@code to}: quantise to
     * {@code to.fracBits()} with {@code rounding}, then fit the width with {@code overflow}.
     * A left shift that leaves 64 bits saturates correctly (wrap keeps the low bits).
     */
    public static long convert(long raw, int fromFrac, FixFormat to, Rounding rounding, Overflow overflow) {
        int shift = fromFrac - to.fracBits();
        if (shift < 0 && overflow == Overflow.SATURATE && raw != 0) {
            int k = -shift;
            if (k >= 63 || (raw << k) >> k != raw) {
                return raw < 0 ? minRaw(to) : maxRaw(to);
            }
        }
        return fit(shiftRound(raw, shift, rounding), to, overflow);
    }

    public static long minRaw(FixFormat f) {
        return f.signed() ? (f.width() >= 64 ? Long.MIN_VALUE : -(1L << (f.width() - 1))) : 0;
    }

    public static long maxRaw(FixFormat f) {
        return f.signed() ? (f.width() >= 64 ? Long.MAX_VALUE : (1L << (f.width() - 1)) - 1)
                : (1L << f.width()) - 1;
    }

    /** Nearest raw value of {@code value} in {@code format} (ties away from zero), saturated: for building constants. */
    public static long fromDouble(double value, FixFormat format) {
        double scaled = Math.rint(Math.scalb(value, format.fracBits()));
        double lo = minRaw(format);
        double hi = maxRaw(format);
        return (long) Math.max(lo, Math.min(hi, scaled));
    }

    /**
     * Raw value of {@code value} in {@code format} with the given quantisation and overflow; same
     * result as {@link Fixed#fromDouble} (scaling by a power of two is exact in double), for
     * {@code |value * 2^frac| < 2^62}.
     */
    public static long fromDouble(double value, FixFormat format, Rounding rounding, Overflow overflow) {
        double scaled = Math.scalb(value, format.fracBits());
        if (!(Math.abs(scaled) < 0x1p62)) {
            return Fixed.fromDouble(value, format, rounding, overflow).rawLong();
        }
        double floor = Math.floor(scaled);
        double rest = scaled - floor; // exact
        long q = (long) floor;
        if (rounding == Rounding.ROUND_HALF_UP && rest >= 0.5) {
            q++;
        } else if (rounding == Rounding.CONVERGENT && (rest > 0.5 || (rest == 0.5 && (q & 1) != 0))) {
            q++;
        }
        return fit(q, format, overflow);
    }

    public static double toDouble(long raw, int fracBits) {
        return Math.scalb((double) raw, -fracBits);
    }
}
