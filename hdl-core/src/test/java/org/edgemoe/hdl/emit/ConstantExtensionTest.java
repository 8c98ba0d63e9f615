package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

/** A constant operand that must be sign-extended is extended at elaboration: Verilog cannot index a literal. */
class ConstantExtensionTest {

    @Test
    void signedConstantsAreWidenedNotIndexed() {
        String v = Emit.ofBody("Widen", () -> {
            SInt x = in(SInt(28)).named("x");
            out(SInt(29)).named("up").set(x.plusExpand(S(65536, 28)));
            out(SInt(29)).named("down").set(x.plusExpand(S(-3, 28)));
        }).module("Widen");
        assertTrue(v.contains("assign up = {x[27], x} + 29'sd65536;"), v);
        assertTrue(v.contains("assign down = {x[27], x} + (-29'sd3);"), v);
        assertFalse(v.contains("sd65536["), v);
    }
}
