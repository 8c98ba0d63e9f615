package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Probe;
import org.junit.jupiter.api.Test;

/** Result widths of every UInt operator (operands UInt(8) and UInt(4)). */
class UIntWidthTest {

    private static UInt a() { return in(UInt(8)).named("a"); }
    private static UInt b() { return in(UInt(4)).named("b"); }

    private static void assertUInt(int width, Ground g) {
        assertInstanceOf(UInt.class, g);
        assertEquals(width, g.width(), () -> "width of " + g.typeName());
        assertFalse(g.signed());
    }

    @Test void plusAndMinusTruncateToWiderOperand() {
        assertUInt(8, Probe.of(() -> a().plus(b())));
        assertUInt(8, Probe.of(() -> b().plus(a())));
        assertUInt(8, Probe.of(() -> a().minus(b())));
        assertUInt(8, Probe.of(() -> a().plus(1)));
    }

    @Test void expandingAddSubGrowByOne() {
        assertUInt(9, Probe.of(() -> a().plusExpand(b())));
        assertUInt(9, Probe.of(() -> b().minusExpand(a())));
    }

    @Test void timesIsSumOfWidths() {
        assertUInt(12, Probe.of(() -> a().times(b())));
    }

    @Test void bitwiseOpsTakeWiderWidth() {
        assertUInt(8, Probe.of(() -> a().and(b())));
        assertUInt(8, Probe.of(() -> b().or(a())));
        assertUInt(8, Probe.of(() -> a().xor(b())));
        assertUInt(4, Probe.of(() -> b().not()));
    }

    @Test void constantShifts() {
        assertUInt(11, Probe.of(() -> a().shl(3)));
        assertUInt(8, Probe.of(() -> a().shl(0)));
        assertUInt(5, Probe.of(() -> a().shr(3)));
        assertUInt(1, Probe.of(() -> a().shr(8)));
        assertUInt(1, Probe.of(() -> a().shr(20)));
    }

    @Test void dynamicShifts() {
        // shl by a 2-bit amount can move bits up by 3.
        assertUInt(11, Probe.of(() -> a().shl(in(UInt(2)).named("s"))));
        assertUInt(8 + 15, Probe.of(() -> a().shl(b())));
        assertUInt(8, Probe.of(() -> a().shr(b())));
    }

    @Test void comparisonsAreBool() {
        assertInstanceOf(Bool.class, Probe.of(() -> a().eq(b())));
        assertInstanceOf(Bool.class, Probe.of(() -> a().ne(b())));
        assertInstanceOf(Bool.class, Probe.of(() -> a().lt(b())));
        assertInstanceOf(Bool.class, Probe.of(() -> a().le(b())));
        assertInstanceOf(Bool.class, Probe.of(() -> a().gt(b())));
        assertInstanceOf(Bool.class, Probe.of(() -> a().ge(3)));
        assertInstanceOf(Bool.class, Probe.of(() -> a().orR()));
        assertEquals(1, Probe.of(() -> a().andR()).width());
    }

    @Test void resizeSliceAndBit() {
        assertUInt(12, Probe.of(() -> a().resize(12)));
        assertUInt(3, Probe.of(() -> a().resize(3)));
        assertUInt(5, Probe.of(() -> a().slice(6, 2)));
        assertUInt(1, Probe.of(() -> a().slice(7, 7)));
        assertInstanceOf(Bool.class, Probe.of(() -> a().bit(3)));
        assertInstanceOf(Bool.class, Probe.of(() -> a().msb()));
    }

    @Test void reinterpretationsKeepWidth() {
        Ground s = Probe.of(() -> a().asSInt());
        assertEquals("SInt(8)", s.typeName());
        assertEquals("Bits(8)", Probe.of(() -> a().asBits()).typeName());
        assertEquals("SInt(9)", Probe.of(() -> a().toSInt()).typeName());
    }

    @Test void constantsHaveMinimalOrGivenWidth() {
        assertUInt(3, Probe.of(() -> U(5)));
        assertUInt(1, Probe.of(() -> U(0)));
        assertUInt(10, Probe.of(() -> U(5, 10)));
    }
}
