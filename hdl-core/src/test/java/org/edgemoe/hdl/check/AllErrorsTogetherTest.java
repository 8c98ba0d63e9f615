package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Here;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;

/** Construction errors and check errors of one design come out in one exception. */
class AllErrorsTogetherTest {

    @Test void everyErrorIsReportedOnce() {
        int[] lines = new int[5];
        ElaborationException e = assertThrows(ElaborationException.class, () -> Elaboration.elaborate(() -> new TestModule(() -> {
            UInt a = in(UInt(8)).named("a");
            Bool c = in(Bool()).named("c");
            UInt narrow = out(UInt(4)).named("narrow");
            narrow.set(a); lines[0] = Here.line();
            out(UInt(8)).named("undriven"); lines[1] = Here.line();
            UInt w = wire(UInt(8)).named("w");
            when(c, () -> { w.set(a); lines[2] = Here.line(); });
            out(UInt(8)).named("y").set(w);
            wire(Bool()).named("module"); lines[3] = Here.line();
            a.set(U(0, 8)); lines[4] = Here.line();
        })));
        List<Diagnostic> ds = e.diagnostics();
        String all = ds.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
        assertTrue(ds.size() >= 5, all);
        assertHas(ds, lines[0], "width mismatch");
        assertHas(ds, lines[1], "'undriven'");
        assertHas(ds, lines[2], "latch");
        assertHas(ds, lines[3], "keyword");
        assertHas(ds, lines[4], "input port 'a'");
        // The message lists every diagnostic as File.java:line: message.
        assertTrue(e.getMessage().startsWith(ds.size() + " elaboration errors"), e.getMessage());
        for (int line : lines) {
            assertTrue(e.getMessage().contains("AllErrorsTogetherTest.java:" + line + ": "), e.getMessage());
        }
    }

    private static void assertHas(List<Diagnostic> ds, int line, String text) {
        long n = ds.stream().filter(d -> d.loc().line() == line && d.message().contains(text)).count();
        assertEquals(1, n, () -> "one diagnostic at line " + line + " containing '" + text + "' in " + ds);
    }
}
