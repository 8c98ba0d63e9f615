package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;

import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.junit.jupiter.api.Test;

class ChildInputCheckTest {

    static final class Child extends Module {
        final UInt a = in(UInt(8));
        final UInt b = in(UInt(8));
        final UInt y = out(UInt(8));

        Child() {
            y.set(a.plus(b));
        }
    }

    @Test void undrivenChildInputIsReportedAtTheInstanceAndNamesThePort() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            Child c = instance(new Child()); line[0] = Here.line();
            c.a.set(U(1, 8));
            out(UInt(8)).named("y").set(c.y);
        });
        assertAt(d, "ChildInputCheckTest.java", line[0], "input 'io_b' of child Child", "never driven");
    }

    @Test void drivenChildElaborates() {
        Elab.build(() -> {
            Child c = instance(new Child());
            c.a.set(U(1, 8));
            c.b.set(U(2, 8));
            out(UInt(8)).named("y").set(c.y);
        });
    }
}
