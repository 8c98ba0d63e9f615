package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Here;
import org.edgemoe.hdl.testing.Probe;
import org.junit.jupiter.api.Test;

class HdlEnumTest {
    enum Three { IDLE, RUN, DONE }
    enum Four { A, B, C, D }
    enum Five { A, B, C, D, E }
    enum One { ONLY }

    @Test void binaryWidthIsLog2UpAndOneHotWidthIsTheCount() {
        assertEquals(2, Probe.of(() -> (HdlEnum<?>) in(Enum(Three.class)).named("p")).width());
        assertEquals(2, Probe.of(() -> (HdlEnum<?>) in(Enum(Four.class)).named("p")).width());
        assertEquals(3, Probe.of(() -> (HdlEnum<?>) in(Enum(Five.class)).named("p")).width());
        assertEquals(1, Probe.of(() -> (HdlEnum<?>) in(Enum(One.class)).named("p")).width());
        assertEquals(3, Probe.of(() -> (HdlEnum<?>) in(Enum(Three.class, HdlEnum.Encoding.ONE_HOT)).named("p")).width());
        assertEquals("Enum(Three)", Probe.of(() -> (HdlEnum<?>) in(Enum(Three.class)).named("p")).typeName());
    }

    @Test void assigningAnotherEnumIsATypeErrorAtTheAssignment() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            HdlEnum<Four> a = in(Enum(Four.class)).named("a");
            HdlEnum<Five> y = out(Enum(Five.class)).named("y");
            HdlEnum<Three> z = out(Enum(Three.class)).named("z");
            z.set(Three.IDLE);
            y.set(a); line[0] = Here.line();
        });
        assertAt(d, "HdlEnumTest.java", line[0], "type mismatch", "Enum(Four)", "Enum(Five)", "'y'");
        assertFalse(d.message().contains("resize"), d.message());
    }

    @Test void sameWidthDifferentEnumOrUIntIsStillAnError() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(2)).named("a");
            HdlEnum<Four> y = out(Enum(Four.class)).named("y");
            y.set(a); line[0] = Here.line();
        });
        assertAt(d, "HdlEnumTest.java", line[0], "type mismatch", "UInt(2)", "Enum(Four)");
    }

    @Test void otherwiseAfterEveryValueIsReported() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            HdlEnum<Three> s = in(Enum(Three.class)).named("s");
            UInt y = out(UInt(2)).named("y");
            switchOn(s)
                .is(Three.IDLE, () -> y.set(0))
                .is(java.util.List.of(Three.RUN, Three.DONE), () -> y.set(1))
                .otherwise(() -> y.set(2)); line[0] = Here.line();
        });
        assertAt(d, "HdlEnumTest.java", line[0], "otherwise is unreachable", "Three");
    }

    @Test void completeSwitchOnAPartialEncodingIsFullAndCommented() {
        String v = Emit.ofBody("EnumCase", () -> {
            HdlEnum<Three> s = in(Enum(Three.class)).named("s");
            UInt y = out(UInt(4)).named("y");
            switchOn(s)
                .is(Three.IDLE, () -> y.set(1))
                .is(Three.RUN, () -> y.set(2))
                .is(Three.DONE, () -> y.set(3));
        }).files().get("EnumCase.v");
        assertTrue(v.contains("2'd0 /* Three.IDLE */: y = 4'd1;"), v);
        assertTrue(v.contains("2'd1 /* Three.RUN */: y = 4'd2;"), v);
        assertTrue(v.contains("2'd2, 2'd3 /* Three.DONE and unused codes */: y = 4'd3;"), v);
        assertFalse(v.contains("default"), v);
    }

    @Test void oneHotIsTestsOneBitAndConstantsAreOneHot() {
        String v = Emit.ofBody("OneHot", () -> {
            HdlEnum<Three> s = reg(Enum(Three.class, HdlEnum.Encoding.ONE_HOT)).init(Three.RUN).named("s");
            var y = out(Bool()).named("y");
            when(s.is(Three.DONE), () -> s.set(Three.IDLE)).otherwise(() -> s.set(Three.DONE));
            y.set(s.is(Three.RUN));
        }).files().get("OneHot.v");
        assertTrue(v.contains("s <= 3'b010;") || v.contains("s <= 3'd2;"), v);
        assertTrue(v.contains("s[2]"), v);
        assertTrue(v.contains("assign y = s[1];"), v);
    }
}
