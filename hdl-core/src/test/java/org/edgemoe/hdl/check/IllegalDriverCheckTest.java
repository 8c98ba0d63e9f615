package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;

import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.junit.jupiter.api.Test;

/** Signals that already have a driver and cannot be assigned a second time from here. */
class IllegalDriverCheckTest {

    static final class Child extends Module {
        final UInt a = in(UInt(8));
        final UInt y = out(UInt(8));

        Child() {
            y.set(a);
        }
    }

    @Test void assignmentToOwnInputPort() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(8)).named("a");
            out(UInt(8)).named("y").set(a);
            a.set(U(0, 8)); line[0] = Here.line();
        });
        assertAt(d, "IllegalDriverCheckTest.java", line[0], "input port 'a'", "cannot be assigned");
    }

    @Test void assignmentToOperatorResult() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(8)).named("a");
            UInt sum = a.plus(a);
            out(UInt(8)).named("y").set(sum);
            sum.set(a); line[0] = Here.line();
        });
        assertAt(d, "IllegalDriverCheckTest.java", line[0], "result of an operator", "assign a wire() instead");
    }

    @Test void assignmentToChildOutput() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            Child c = instance(new Child());
            c.a.set(U(1, 8));
            c.y.set(U(2, 8)); line[0] = Here.line();
            out(UInt(8)).named("y").set(c.y);
        });
        assertAt(d, "IllegalDriverCheckTest.java", line[0], "output", "of child Child", "cannot also be driven here");
    }
}
