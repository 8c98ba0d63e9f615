package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.edgemoe.hdl.testing.Diag.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Here;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input that used to escape as an unlocated exception (NullPointerException,
 * IllegalArgumentException, StackOverflowError) is a collected {@code File.java:line: message} error,
 * reported before anything is written.
 */
class LocatedErrorsTest {
    private static final String FILE = "LocatedErrorsTest.java";

    static final class Inner extends Module {
        final UInt a = in(UInt(8));
        final UInt y = out(UInt(8));
        final UInt hidden;

        Inner() {
            hidden = wire(UInt(8));
            hidden.set(a);
            y.set(hidden);
        }
    }

    /** A child that reads a signal of its parent passed to its constructor. */
    static final class Peeker extends Module {
        final UInt y = out(UInt(8));
        static int line;

        Peeker(UInt parentSignal) {
            y.set(parentSignal); line = Here.line();
        }
    }

    @Test void readingAnInternalSignalOfAChild() {
        int[] line = new int[1];
        List<Diagnostic> ds = Elab.errors(() -> {
            Inner c = instance(new Inner());
            c.a.set(U(0, 8));
            out(UInt(8)).named("y").set(c.hidden); line[0] = Here.line();
        });
        assertAt(ds.get(0), FILE, line[0], "'hidden'", "belongs to module Inner", "not visible");
    }

    @Test void readingAParentSignalInsideAChild() {
        List<Diagnostic> ds = Elab.errors(() -> {
            UInt a = in(UInt(8)).named("a");
            Peeker p = instance(new Peeker(a));
            out(UInt(8)).named("y").set(p.y);
        });
        assertAt(ds.get(0), FILE, Peeker.line, "'a'", "belongs to module TestModule", "not visible in Peeker");
    }

    @Test void zeroAndNegativeWidths() {
        int[] line = new int[2];
        List<Diagnostic> ds = Elab.errors(() -> {
            UInt z = in(UInt(0)).named("z"); line[0] = Here.line();
            UInt n = wire(UInt(-3)).named("n"); line[1] = Here.line();
            out(UInt(1)).named("y").set(z.resize(1));
        });
        assertAt(ds.get(0), FILE, line[0], "width must be at least 1", "UInt(0)");
        assertAt(ds.get(1), FILE, line[1], "width must be at least 1", "UInt(-3)");
    }

    @Test void sliceOutOfRange() {
        int[] line = new int[2];
        List<Diagnostic> ds = Elab.errors(() -> {
            UInt a = in(UInt(8)).named("a");
            UInt s = a.slice(9, 2); line[0] = Here.line();
            out(UInt(1)).named("y").set(a.bit(8).asUInt()); line[1] = Here.line();
            out(UInt(8)).named("z").set(s);
        });
        assertAt(ds.get(0), FILE, line[0], "slice(9, 2)", "UInt(8)");
        assertAt(ds.get(1), FILE, line[1], "bit 8", "UInt(8)");
    }

    @Test void resizeToZeroBits() {
        int[] line = new int[1];
        Diagnostic d = Elab.errors(() -> {
            UInt a = in(UInt(8)).named("a");
            out(UInt(8)).named("y").set(a.resize(0).resize(8)); line[0] = Here.line();
        }).get(0);
        assertAt(d, FILE, line[0], "resize(0)", "at least 1");
    }

    @Test void fixConstantNaNOrInfinite() {
        int[] line = new int[2];
        FixFormat f = FixFormat.sfix(4, 4);
        List<Diagnostic> ds = Elab.errors(() -> {
            Fix a = fix(Double.NaN, f); line[0] = Here.line();
            Fix b = fix(Double.POSITIVE_INFINITY, f); line[1] = Here.line();
            out(SFix(5, 4)).named("y").set(a.plus(b));
        });
        assertAt(ds.get(0), FILE, line[0], "NaN", "SQ4.4");
        assertAt(ds.get(1), FILE, line[1], "Infinity", "SQ4.4");
    }

    @Test void fixFormatWithoutBits() {
        int[] line = new int[1];
        Diagnostic d = Elab.errors(() -> {
            in(SFix(2, -2)).named("a"); line[0] = Here.line();
        }).get(0);
        assertAt(d, FILE, line[0], "at least one bit");
    }

    @Test void resizeWithNullRoundingOrOverflow() {
        int[] line = new int[2];
        List<Diagnostic> ds = Elab.errors(() -> {
            Fix a = in(SFix(4, 4)).named("a");
            Fix b = a.resize(FixFormat.sfix(4, 2), null, Overflow.WRAP); line[0] = Here.line();
            Fix c = a.resize(FixFormat.sfix(4, 2), Rounding.TRUNCATE, null); line[1] = Here.line();
            out(SFix(5, 2)).named("y").set(b.plus(c));
        });
        assertAt(ds.get(0), FILE, line[0], "rounding", "null");
        assertAt(ds.get(1), FILE, line[1], "overflow", "null");
    }

    @Test void memoryInitTooManyOrTooWide() {
        int[] line = new int[2];
        List<Diagnostic> ds = Elab.errors(() -> {
            mem(UInt(8), 4).init(1, 2, 3, 4, 5); line[0] = Here.line();
            mem(UInt(8), 4).init(1, 256); line[1] = Here.line();
            out(UInt(1)).named("y").set(U(0, 1));
        });
        assertAt(ds.get(0), FILE, line[0], "5 words", "depth is 4");
        assertAt(ds.get(1), FILE, line[1], "256", "does not fit UInt(8)");
    }

    static final class Forgetful extends Module {
        static int line;

        Forgetful() {
            new Inner(); line = Here.line();
            out(UInt(1)).named("y").set(U(0, 1));
        }
    }

    @Test void forgettingInstance() {
        Diagnostic d = Elab.errors(Forgetful::new).get(0);
        assertAt(d, FILE, Forgetful.line, "Inner", "instance(new Inner(...))");
    }

    @Test void placingAChildTwice() {
        int[] line = new int[1];
        Diagnostic d = Elab.errors(() -> {
            Inner c = instance(new Inner());
            c.a.set(U(0, 8));
            instance(c); line[0] = Here.line();
            out(UInt(8)).named("y").set(c.y);
        }).get(0);
        assertAt(d, FILE, line[0], "already placed");
    }

    @Test void hardwareOutsideAModuleConstructor() {
        int[] line = new int[1];
        ElaborationException e = assertThrows(ElaborationException.class, () -> Elaboration.elaborate(() -> {
            line[0] = Here.line() + 1;
            wire(UInt(8));
            return new TestModule(() -> out(UInt(1)).named("y").set(U(0, 1)));
        }));
        assertAt(e.diagnostics().get(0), FILE, line[0], "inside a Module constructor");
        int line2 = Here.line() + 1;
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> wire(UInt(8)));
        assertTrue(outside.getMessage().startsWith(FILE + ":" + line2 + ": "), outside.getMessage());
    }

    static final class Recursive extends Module {
        static int line;

        Recursive() {
            line = Here.line() + 1;
            instance(new Recursive());
        }
    }

    @Test void recursiveModule() {
        Diagnostic d = Elab.errors(Recursive::new).get(0);
        assertAt(d, FILE, Recursive.line, "Recursive", "nested");
    }

    @Test void expressionTenThousandOperatorsDeep() {
        EmittedDesign d = new VerilogEmitter().add(Elab.build(() -> new TestModule("Deep", () -> {
            UInt a = in(UInt(16)).named("a");
            UInt x = a;
            for (int i = 0; i < 10_000; i++) {
                x = (i % 2 == 0 ? x.plus(a) : x.xor(a));
            }
            out(UInt(16)).named("y").set(x);
        })).topIR()).render();
        String v = d.files().get("Deep.v");
        assertTrue(v.contains("assign y ="), "emitted");
        assertEquals(10_000, v.split("\\+|\\^", -1).length - 1, "every operator printed once");
    }

    @Test void sameExplicitNameForTwoDifferentModules() {
        int[] line = new int[2];
        EmittedDesign[] out = new EmittedDesign[1];
        List<Diagnostic> ds = assertThrows(ElaborationException.class, () -> out[0] = new VerilogEmitter().add(Elab.build(() -> new TestModule("Top", () -> {
            TestModule a = instance(new TestModule(() -> { }) {{ setDefinitionName("Same"); line[0] = Here.line(); out(UInt(1)).named("y").set(U(0, 1)); }});
            TestModule b = instance(new TestModule(() -> { }) {{ setDefinitionName("Same"); line[1] = Here.line(); out(UInt(2)).named("y").set(U(0, 2)); }});
            out(UInt(1)).named("y").set(U(0, 1));
        })).topIR()).render()).diagnostics();
        assertEquals(2, ds.size(), ds.toString());
        assertAt(ds.get(0), FILE, line[0], "module name 'Same'", "2 different modules");
        assertAt(ds.get(1), FILE, line[1], "module name 'Same'", "2 different modules");
    }

    @Test void duplicateSwitchCase() {
        int[] line = new int[2];
        Diagnostic d = Elab.errors(() -> {
            UInt s = in(UInt(2)).named("s");
            UInt y = out(UInt(2)).named("y");
            y.set(U(0, 2));
            switchOn(s)
                .is(1, () -> y.set(U(1, 2))).is(2, () -> y.set(U(2, 2))); line[0] = Here.line();
            switchOn(s).is(new long[] {3, 3}, () -> y.set(U(3, 2))); line[1] = Here.line();
        }).get(0);
        assertAt(d, FILE, line[1], "duplicate case value 3");
    }
}
