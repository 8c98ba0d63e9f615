package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Probe;
import org.junit.jupiter.api.Test;

/** Bits and Bool operators, cat and the bounds checks of slice and bit. */
class BitsAndBoolWidthTest {

    private static Bits a() { return in(Bits(8)).named("a"); }
    private static Bits b() { return in(Bits(3)).named("b"); }
    private static Bool c() { return in(Bool()).named("c"); }

    private static void assertBits(int width, Ground g) {
        assertInstanceOf(Bits.class, g);
        assertEquals(width, g.width());
    }

    @Test void bitsOperators() {
        assertBits(8, Probe.of(() -> a().and(b())));
        assertBits(8, Probe.of(() -> b().or(a())));
        assertBits(8, Probe.of(() -> a().xor(b())));
        assertBits(3, Probe.of(() -> b().not()));
        assertBits(12, Probe.of(() -> a().shl(4)));
        assertBits(4, Probe.of(() -> a().shr(4)));
        assertBits(10, Probe.of(() -> b().resize(10)));
        assertBits(2, Probe.of(() -> a().slice(1, 0)));
        assertInstanceOf(Bool.class, Probe.of(() -> a().eq(b())));
        assertInstanceOf(Bool.class, Probe.of(() -> a().xorR()));
        assertEquals("UInt(8)", Probe.of(() -> a().asUInt()).typeName());
        assertEquals("SInt(3)", Probe.of(() -> b().asSInt()).typeName());
    }

    @Test void boolOperatorsStayBool() {
        assertInstanceOf(Bool.class, Probe.of(() -> c().and(c())));
        assertInstanceOf(Bool.class, Probe.of(() -> c().or(c())));
        assertInstanceOf(Bool.class, Probe.of(() -> c().xor(c())));
        assertInstanceOf(Bool.class, Probe.of(() -> c().not()));
        assertInstanceOf(Bool.class, Probe.of(() -> c().eq(c())));
        assertInstanceOf(Bool.class, Probe.of(() -> c().ne(c())));
        assertEquals("UInt(1)", Probe.of(() -> c().asUInt()).typeName());
        assertEquals("Bits(1)", Probe.of(() -> c().asBits()).typeName());
        assertEquals(1, Probe.of(() -> B(true)).width());
    }

    @Test void catWidthIsTheSum() {
        assertBits(8 + 3 + 1 + 5, Probe.of(() -> cat(a(), b(), c(), in(SInt(5)).named("s"))));
        assertBits(1, Probe.of(() -> cat(c())));
    }

    @Test void muxKeepsTheOperandType() {
        Ground g = Probe.of(() -> mux(c(), a(), in(Bits(8)).named("d")));
        assertBits(8, g);
    }

    @Test void outOfRangeSliceAndBitAreRejected() {
        // Located, collected errors (LocatedErrorsTest checks the lines); outside an elaboration, an exception.
        assertTrue(Elab.errors(() -> a().slice(8, 0)).get(0).message().contains("slice(8, 0)"));
        assertTrue(Elab.errors(() -> a().slice(2, 3)).get(0).message().contains("slice(2, 3)"));
        assertTrue(Elab.errors(() -> a().bit(-1)).get(0).message().contains("bit -1"));
        assertThrows(IllegalArgumentException.class, () -> UInt(0));
    }
}
