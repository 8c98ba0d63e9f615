package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

/** Comparisons known at elaboration are folded, so Verilator never sees a constant condition. */
class ConstantCompareTest {

    @Test
    void unsignedAgainstZeroAndConstantPairsFold() {
        String v = Emit.ofBody("Folds", () -> {
            UInt x = in(UInt(4)).named("x");
            out(Bool()).named("never").set(U(0, 4).gt(x));
            out(Bool()).named("allTheTime").set(x.ge(0));
            out(Bool()).named("constant").set(U(3, 4).lt(U(5, 4)));
            Bool depends = out(Bool()).named("depends");
            depends.set(x.gt(2));
        }).module("Folds");
        assertTrue(v.contains("assign never = 1'b0;"), v);
        assertTrue(v.contains("assign allTheTime = 1'b1;"), v);
        assertTrue(v.contains("assign constant = 1'b1;"), v);
        assertTrue(v.contains("assign depends = x > 4'd2;"), v);
    }
}
