package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;

import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.junit.jupiter.api.Test;

class WidthMismatchCheckTest {

    @Test void assigningAWiderValueIsReportedAtTheAssignment() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            UInt a = in(UInt(8)).named("a");
            UInt y = out(UInt(4)).named("y");
            y.set(a); line[0] = Here.line();
        });
        assertAt(d, "WidthMismatchCheckTest.java", line[0],
                "width mismatch", "UInt(8)", "UInt(4)", "'y'", ".resize(4)");
    }

    @Test void assigningAcrossTypesIsReported() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            var a = in(SInt(4)).named("a");
            UInt y = out(UInt(4)).named("y");
            y.set(a); line[0] = Here.line();
        });
        assertAt(d, "WidthMismatchCheckTest.java", line[0], "width mismatch", "SInt(4)", "UInt(4)");
    }

    @Test void fixedPointFormatsMustMatch() {
        int[] line = new int[1];
        Diagnostic d = Elab.singleError(() -> {
            var a = in(SFix(3, 4)).named("a");
            var y = out(SFix(4, 3)).named("y");
            y.set(a); line[0] = Here.line();
        });
        assertAt(d, "WidthMismatchCheckTest.java", line[0], "format mismatch", "SFix(3, 4) [SQ3.4]", "SFix(4, 3) [SQ4.3] 'y'",
                ".resize(FixFormat.sfix(4, 3), rounding, overflow)");
        org.junit.jupiter.api.Assertions.assertFalse(d.message().contains("width"), d.message());
    }
}
