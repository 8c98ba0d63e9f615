package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.testing.TestModule;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.junit.jupiter.api.Test;

/** Illegal Verilog identifiers and ports without a name. */
class NameCheckTest {

    @Test void keywordAsName() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt w = wire(UInt(8)).named("reg"); line[0] = Here.line();
            w.set(U(0, 8));
            out(UInt(8)).named("y").set(w);
        });
        assertAt(d, "NameCheckTest.java", line[0], "illegal identifier", "'reg'", "Verilog keyword");
    }

    @Test void badCharactersInName() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(8)).named("a-b"); line[0] = Here.line();
            out(UInt(8)).named("y").set(a);
        });
        assertAt(d, "NameCheckTest.java", line[0], "illegal identifier", "'a-b'", "not a Verilog identifier");
    }

    @Test void nameStartingWithADigit() {
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(8)).named("1st");
            out(UInt(8)).named("y").set(a);
        });
        assertAt(d, "NameCheckTest.java", d.loc().line(), "'1st'", "not a Verilog identifier");
    }

    @Test void illegalModuleName() {
        List<Diagnostic> ds = Elab.errors(() -> new TestModule("my module", () ->
                out(UInt(1)).named("y").set(U(0, 1))));
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(ds.get(0).message().contains("illegal identifier: module name 'my module'"), ds::toString);
    }

    @Test void unnamedPort() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(8)); line[0] = Here.line();
            out(UInt(8)).named("y").set(a);
        });
        assertAt(d, "NameCheckTest.java", line[0], "port of TestModule has no name", "named(");
    }
}
