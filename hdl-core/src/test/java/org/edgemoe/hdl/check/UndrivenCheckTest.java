package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;

import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.junit.jupiter.api.Test;

/** Outputs, wires and registers without a driver, reported where they were declared. */
class UndrivenCheckTest {

    @Test void undrivenOutput() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            in(UInt(8)).named("a");
            out(UInt(8)).named("y"); line[0] = Here.line();
        });
        assertAt(d, "UndrivenCheckTest.java", line[0], "output 'y'", "TestModule", "never driven");
    }

    @Test void undrivenWire() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt w = wire(UInt(8)).named("w"); line[0] = Here.line();
            out(UInt(8)).named("y").set(w);
        });
        assertAt(d, "UndrivenCheckTest.java", line[0], "wire 'w'", "never driven");
    }

    @Test void registerWithoutAssignmentOrReset() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt r = reg(UInt(8)).named("r"); line[0] = Here.line();
            out(UInt(8)).named("y").set(r);
        });
        assertAt(d, "UndrivenCheckTest.java", line[0], "register 'r'", "no reset value");
    }

    @Test void registerWithOnlyAResetValueIsFine() {
        Elab.build(() -> {
            UInt r = reg(UInt(8)).init(3).named("r");
            out(UInt(8)).named("y").set(r);
        });
    }
}
