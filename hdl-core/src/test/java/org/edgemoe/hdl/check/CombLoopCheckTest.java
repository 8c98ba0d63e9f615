package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.junit.jupiter.api.Test;

class CombLoopCheckTest {

    @Test void loopThroughTwoWiresListsBoth() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(8)).named("a");
            UInt p = wire(UInt(8)).named("loop_p"); line[0] = Here.line();
            UInt q = wire(UInt(8)).named("loop_q");
            p.set(q.plus(a));
            q.set(p);
            out(UInt(8)).named("y").set(q);
        });
        assertAt(d, "CombLoopCheckTest.java", line[0], "combinational loop", "loop_p", "loop_q");
        assertTrue(!d.message().contains("'a'") && !d.message().contains(" y"), d.message());
    }

    @Test void loopThroughAWhenCondition() {
        Diagnostic d = Elab.singleError(() -> {
            Bool w = wire(Bool()).named("flag");
            w.set(false);
            when(w, () -> w.set(true));
            out(Bool()).named("y").set(w);
        });
        assertTrue(d.message().contains("combinational loop") && d.message().contains("flag"), d.toString());
    }

    @Test void registerBreaksTheLoop() {
        Elab.build(() -> {
            UInt r = reg(UInt(8)).init(0).named("r");
            r.set(r.plus(1));
            out(UInt(8)).named("y").set(r);
        });
    }

    static final class PassThrough extends Module {
        final UInt a = in(UInt(8));
        final UInt y = out(UInt(8));

        PassThrough() {
            y.set(a);
        }
    }

    @Test void loopThroughAChildsCombinationalPath() {
        Diagnostic d = Elab.singleError(() -> {
            PassThrough c = instance(new PassThrough());
            UInt w = wire(UInt(8)).named("back");
            c.a.set(w);
            w.set(c.y);
            out(UInt(8)).named("y").set(w);
        });
        assertTrue(d.message().contains("combinational loop") && d.message().contains("back"), d.toString());
    }
}
