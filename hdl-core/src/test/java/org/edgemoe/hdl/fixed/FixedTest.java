package org.edgemoe.hdl.fixed;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedTest {
    private static final FixFormat S8_4 = FixFormat.ofWidth(true, 8, 4);

    private static Fixed v(long raw, FixFormat f) {
        return Fixed.ofRaw(raw, f);
    }

    @Test
    void mostNegativeValueNegatesIntoWiderFormatAndWrapsBack() {
        Fixed min = v(-128, S8_4);
        Fixed neg = min.negate();
        assertEquals(128, neg.rawLong());
        assertEquals(-128, neg.resize(S8_4, Rounding.TRUNCATE, Overflow.WRAP).rawLong());
        assertEquals(127, neg.resize(S8_4, Rounding.TRUNCATE, Overflow.SATURATE).rawLong());
        assertEquals(-8.0, min.toDouble());
    }

    @Test
    void addWrapsAroundOrSaturates() {
        Fixed sum = v(127, S8_4).add(v(1, S8_4));
        assertEquals(128, sum.rawLong());
        assertEquals(FixFormat.ofWidth(true, 9, 4), sum.format());
        assertEquals(-128, sum.resize(S8_4, Rounding.TRUNCATE, Overflow.WRAP).rawLong());
        assertEquals(127, sum.resize(S8_4, Rounding.TRUNCATE, Overflow.SATURATE).rawLong());
    }

    @Test
    void negativeTruncationGoesTowardMinusInfinity() {
        FixFormat s8_0 = FixFormat.ofWidth(true, 8, 0);
        // -1.25 -> floor -2; half up -1; convergent -1
        assertEquals(-2, v(-5, FixFormat.ofWidth(true, 8, 2)).resize(s8_0, Rounding.TRUNCATE, Overflow.WRAP).rawLong());
        assertEquals(-1, v(-5, FixFormat.ofWidth(true, 8, 2)).resize(s8_0, Rounding.ROUND_HALF_UP, Overflow.WRAP).rawLong());
        // -2.5 -> half up -2, convergent -2; -1.5 -> half up -1, convergent -2
        assertEquals(-2, v(-5, FixFormat.ofWidth(true, 8, 1)).resize(s8_0, Rounding.ROUND_HALF_UP, Overflow.WRAP).rawLong());
        assertEquals(-2, v(-5, FixFormat.ofWidth(true, 8, 1)).resize(s8_0, Rounding.CONVERGENT, Overflow.WRAP).rawLong());
        assertEquals(-1, v(-3, FixFormat.ofWidth(true, 8, 1)).resize(s8_0, Rounding.ROUND_HALF_UP, Overflow.WRAP).rawLong());
        assertEquals(-2, v(-3, FixFormat.ofWidth(true, 8, 1)).resize(s8_0, Rounding.CONVERGENT, Overflow.WRAP).rawLong());
        assertEquals(2, v(5, FixFormat.ofWidth(true, 8, 1)).resize(s8_0, Rounding.CONVERGENT, Overflow.WRAP).rawLong());
    }

    @Test
    void oneBitFormats() {
        FixFormat s1 = FixFormat.ofWidth(true, 1, 0);   // {-1, 0}
        FixFormat u1 = FixFormat.ofWidth(false, 1, 3);  // {0, 1/8}
        assertEquals(-1, Fixed.fromDouble(-1, s1, Rounding.TRUNCATE, Overflow.WRAP).rawLong());
        assertEquals(-1, Fixed.fromDouble(1, s1, Rounding.TRUNCATE, Overflow.WRAP).rawLong());
        assertEquals(0, Fixed.fromDouble(1, s1, Rounding.TRUNCATE, Overflow.SATURATE).rawLong());
        assertEquals(1, Fixed.fromDouble(0.0625, u1, Rounding.ROUND_HALF_UP, Overflow.WRAP).rawLong());
        assertEquals(0, Fixed.fromDouble(0.0625, u1, Rounding.CONVERGENT, Overflow.WRAP).rawLong());
        assertEquals(0, Fixed.fromDouble(-0.1, u1, Rounding.TRUNCATE, Overflow.SATURATE).rawLong());
        Fixed p = v(-1, s1).multiply(v(-1, s1));
        assertEquals(1, p.rawLong());
        assertEquals(FixFormat.ofWidth(true, 2, 0), p.format());
    }

    @Test
    void wideFormatsBeyond64Bits() {
        FixFormat s64 = FixFormat.ofWidth(true, 64, 0);
        Fixed min = v(Long.MIN_VALUE, s64);
        Fixed sq = min.multiply(min);
        assertEquals(BigInteger.ONE.shiftLeft(126), sq.raw());
        assertEquals(FixFormat.ofWidth(true, 128, 0), sq.format());
        assertEquals(0, sq.resize(s64, Rounding.TRUNCATE, Overflow.WRAP).rawLong());
        assertEquals(Long.MAX_VALUE, sq.resize(s64, Rounding.TRUNCATE, Overflow.SATURATE).rawLong());
        FixFormat s100 = FixFormat.ofWidth(true, 100, 90);
        Fixed tiny = new Fixed(BigInteger.ONE, s100);
        assertEquals(Math.scalb(1.0, -90), tiny.toDouble());
        assertEquals(-1, tiny.negate().resize(FixFormat.ofWidth(true, 8, 0), Rounding.TRUNCATE, Overflow.WRAP).rawLong());
    }

    @Test
    void mixedSignednessAddKeepsEveryValue() {
        FixFormat u8 = FixFormat.ofWidth(false, 8, 0);
        FixFormat s4 = FixFormat.ofWidth(true, 4, 0);
        Fixed s = v(255, u8).add(v(-8, s4));
        assertEquals(247, s.rawLong());
        assertTrue(s.format().signed());
        assertEquals(-263, v(-8, s4).subtract(v(255, u8)).rawLong());
    }

    @Test
    void rawFastPathMatchesBigIntegerReference() {
        Random r = new Random(1);
        for (int i = 0; i < 20000; i++) {
            boolean signed = r.nextBoolean();
            int width = 1 + r.nextInt(signed ? 64 : 62);
            FixFormat to = FixFormat.ofWidth(signed, width, r.nextInt(40) - 8);
            int fromFrac = r.nextInt(60) - 4;
            long raw = r.nextLong() >> r.nextInt(64);
            Rounding rounding = Rounding.values()[r.nextInt(3)];
            Overflow overflow = Overflow.values()[r.nextInt(2)];
            FixFormat from = FixFormat.ofWidth(true, 64, fromFrac);
            long expected = Fixed.ofRaw(raw, from).resize(to, rounding, overflow).rawLong();
            int shift = fromFrac - to.fracBits();
            if (shift < 0 && overflow == Overflow.WRAP && -shift >= 64 - Long.numberOfLeadingZeros(Math.abs(raw) | 1) - 1) {
                continue; // fast path documents that a left shift beyond 64 bits is out of its domain
            }
            assertEquals(expected, FixedRaw.convert(raw, fromFrac, to, rounding, overflow),
                    () -> raw + " from frac " + fromFrac + " to " + to + " " + rounding + " " + overflow);
        }
    }

    @Test
    void fromDoubleFastPathMatchesExactConversion() {
        Random r = new Random(2);
        for (int i = 0; i < 20000; i++) {
            FixFormat f = FixFormat.ofWidth(r.nextBoolean(), 1 + r.nextInt(40), r.nextInt(30) - 5);
            double value = r.nextGaussian() * Math.scalb(1.0, r.nextInt(20) - 10);
            Rounding rounding = Rounding.values()[r.nextInt(3)];
            Overflow overflow = Overflow.values()[r.nextInt(2)];
            assertEquals(Fixed.fromDouble(value, f, rounding, overflow).rawLong(),
                    FixedRaw.fromDouble(value, f, rounding, overflow), () -> value + " " + f);
        }
        // exact ties
        FixFormat s8_0 = FixFormat.ofWidth(true, 8, 0);
        assertEquals(-2, FixedRaw.fromDouble(-2.5, s8_0, Rounding.CONVERGENT, Overflow.WRAP));
        assertEquals(-2, FixedRaw.fromDouble(-2.5, s8_0, Rounding.ROUND_HALF_UP, Overflow.WRAP));
        assertEquals(-3, FixedRaw.fromDouble(-2.5, s8_0, Rounding.TRUNCATE, Overflow.WRAP));
    }
}
