package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.testing.Probe;
import org.junit.jupiter.api.Test;

/** Result widths of every SInt operator (operands SInt(8) and SInt(4)); results stay signed. */
class SIntWidthTest {

    private static SInt a() { return in(SInt(8)).named("a"); }
    private static SInt b() { return in(SInt(4)).named("b"); }

    private static void assertSInt(int width, Ground g) {
        assertInstanceOf(SInt.class, g);
        assertEquals(width, g.width(), () -> "width of " + g.typeName());
        assertTrue(g.signed(), "SInt results are signed");
    }

    @Test void arithmetic() {
        assertSInt(8, Probe.of(() -> a().plus(b())));
        assertSInt(8, Probe.of(() -> b().minus(a())));
        assertSInt(9, Probe.of(() -> a().plusExpand(b())));
        assertSInt(9, Probe.of(() -> a().minusExpand(b())));
        assertSInt(12, Probe.of(() -> a().times(b())));
        assertSInt(8, Probe.of(() -> a().plus(-3)));
    }

    @Test void negation() {
        assertSInt(8, Probe.of(() -> a().neg()));
        assertSInt(9, Probe.of(() -> a().negExpand()));
        assertInstanceOf(Bool.class, Probe.of(() -> a().isNegative()));
    }

    @Test void bitwise() {
        assertSInt(8, Probe.of(() -> a().and(b())));
        assertSInt(8, Probe.of(() -> b().or(a())));
        assertSInt(8, Probe.of(() -> a().xor(b())));
        assertSInt(4, Probe.of(() -> b().not()));
    }

    @Test void shifts() {
        assertSInt(10, Probe.of(() -> a().shl(2)));
        assertSInt(6, Probe.of(() -> a().shr(2)));
        // Shifting out everything keeps the sign bit.
        assertSInt(1, Probe.of(() -> a().shr(9)));
        assertSInt(8 + 3, Probe.of(() -> a().shl(in(UInt(2)).named("s"))));
        assertSInt(8, Probe.of(() -> a().shr(in(UInt(3)).named("s"))));
    }

    @Test void comparisons() {
        for (var op : new String[] {"eq", "ne", "lt", "le", "gt", "ge"}) {
            Ground g = Probe.of(() -> switch (op) {
                case "eq" -> a().eq(b());
                case "ne" -> a().ne(b());
                case "lt" -> a().lt(b());
                case "le" -> a().le(b());
                case "gt" -> a().gt(b());
                default -> a().ge(-2);
            });
            assertInstanceOf(Bool.class, g, op);
        }
    }

    @Test void resizeSliceBit() {
        assertSInt(16, Probe.of(() -> a().resize(16)));
        assertSInt(4, Probe.of(() -> a().resize(4)));
        assertSInt(3, Probe.of(() -> a().slice(7, 5)));
        assertInstanceOf(Bool.class, Probe.of(() -> a().bit(7)));
    }

    @Test void reinterpretations() {
        assertEquals("UInt(8)", Probe.of(() -> a().asUInt()).typeName());
        assertEquals("Bits(8)", Probe.of(() -> a().asBits()).typeName());
        assertEquals("SInt(8)", Probe.of(() -> a().asBits().asSInt()).typeName());
        assertEquals("SInt(5)", Probe.of(() -> S(-16, 5)).typeName());
    }
}
