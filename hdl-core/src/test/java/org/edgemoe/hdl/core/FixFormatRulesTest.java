package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.testing.Probe;
import org.junit.jupiter.api.Test;

/** Result formats of fixed-point operators, including mixed signedness. */
class FixFormatRulesTest {

    private static Fix s34() { return in(SFix(3, 4)).named("s34"); }
    private static Fix s26() { return in(SFix(2, 6)).named("s26"); }
    private static Fix u34() { return in(UFix(3, 4)).named("u34"); }
    private static Fix u22() { return in(UFix(2, 2)).named("u22"); }

    private static void assertFormat(FixFormat expected, Fix f) {
        assertEquals(expected, f.format());
        assertEquals(expected.width(), f.width());
        assertEquals(expected.signed(), f.signed());
    }

    @Test void signedPlusAlignsPointAndGrowsOneIntegerBit() {
        assertFormat(FixFormat.sfix(4, 6), Probe.of(() -> s34().plus(s26())));
        assertFormat(FixFormat.sfix(4, 6), Probe.of(() -> s26().minus(s34())));
    }

    @Test void unsignedPlusStaysUnsignedButMinusIsSigned() {
        assertFormat(FixFormat.ufix(4, 4), Probe.of(() -> u34().plus(u22())));
        // An unsigned operand gains a sign bit: max(3 + 1, 2 + 1) + 1 integer bits.
        assertFormat(FixFormat.sfix(5, 4), Probe.of(() -> u34().minus(u22())));
    }

    @Test void mixedSignednessIsSigned() {
        assertFormat(FixFormat.sfix(5, 4), Probe.of(() -> s34().plus(u34())));
        assertFormat(FixFormat.sfix(5, 4), Probe.of(() -> u34().minus(s34())));
    }

    @Test void timesAddsIntAndFracBits() {
        assertFormat(FixFormat.sfix(5, 10), Probe.of(() -> s34().times(s26())));
        assertFormat(FixFormat.ufix(5, 6), Probe.of(() -> u34().times(u22())));
        assertFormat(FixFormat.sfix(6, 6), Probe.of(() -> u34().times(in(SFix(2, 2)).named("x"))));
    }

    @Test void resizeGivesTheTargetFormat() {
        FixFormat t = FixFormat.sfix(2, 1);
        for (Rounding r : Rounding.values()) {
            for (Overflow o : Overflow.values()) {
                assertFormat(t, Probe.of(() -> s34().resize(t, r, o)));
            }
        }
        assertFormat(FixFormat.sfix(8, 8), Probe.of(() -> s34().resize(FixFormat.sfix(8, 8), Rounding.CONVERGENT, Overflow.SATURATE)));
        assertFormat(FixFormat.ufix(2, 2), Probe.of(() -> s34().truncate(FixFormat.ufix(2, 2))));
    }

    @Test void scaleMovesTheBinaryPoint() {
        assertFormat(FixFormat.sfix(5, 2), Probe.of(() -> s34().scale(2)));
        assertFormat(FixFormat.sfix(2, 5), Probe.of(() -> s34().scale(-1)));
        assertFormat(FixFormat.ufix(7, 0), Probe.of(() -> u34().scale(4)));
    }

    @Test void comparisonsAreBoolAndConstantsHaveTheirFormat() {
        assertInstanceOf(Bool.class, Probe.of(() -> s34().lt(u22())));
        assertInstanceOf(Bool.class, Probe.of(() -> s34().eq(s26())));
        assertFormat(FixFormat.sfix(3, 4), Probe.of(() -> fix(-1.25, FixFormat.sfix(3, 4))));
    }

    @Test void qNotation() {
        assertEquals("SQ10.22", FixFormat.sfix(10, 22).toString());
        assertEquals("UQ0.8", FixFormat.ufix(0, 8).toString());
        assertEquals(3.9375, FixFormat.sfix(3, 4).maxValue());
        assertEquals(-4.0, FixFormat.sfix(3, 4).minValue());
        assertEquals("SFix(3, 4)", Probe.of(FixFormatRulesTest::s34).typeName());
    }
}
