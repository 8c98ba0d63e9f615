package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;

import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.junit.jupiter.api.Test;

class LatchCheckTest {

    @Test void wireAssignedOnlyUnderWhen() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            Bool c = in(Bool()).named("c");
            UInt w = wire(UInt(4)).named("w");
            when(c, () -> {
                w.set(U(3, 4)); line[0] = Here.line();
            });
            out(UInt(4)).named("y").set(w);
        });
        assertAt(d, "LatchCheckTest.java", line[0], "latch", "'w'", "not assigned on every path");
    }

    @Test void outputAssignedInSomeSwitchCasesOnly() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt sel = in(UInt(2)).named("sel");
            UInt y = out(UInt(4)).named("y");
            switchOn(sel)
                .is(0, () -> y.set(U(1, 4)))
                .is(1, () -> { y.set(U(2, 4)); line[0] = Here.line(); });
        });
        // First conditional assignment is reported.
        assertAt(d, "LatchCheckTest.java", line[0] - 1, "latch", "'y'");
    }

    @Test void defaultBeforeWhenOrCompleteOtherwiseIsFine() {
        Elab.build(() -> {
            Bool c = in(Bool()).named("c");
            UInt w = wire(UInt(4)).named("w");
            w.set(U(0, 4));
            when(c, () -> w.set(U(3, 4)));
            UInt v = wire(UInt(4)).named("v");
            when(c, () -> v.set(U(1, 4))).otherwise(() -> v.set(U(2, 4)));
            UInt sel = in(UInt(1)).named("sel");
            UInt z = wire(UInt(4)).named("z");
            switchOn(sel).is(0, () -> z.set(U(1, 4))).is(1, () -> z.set(U(2, 4)));
            out(UInt(4)).named("y").set(w.plus(v).plus(z));
        });
    }
}
