package org.edgemoe.hdl.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Supplier;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.core.Design;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;

/** Elaboration shortcuts for tests. */
public final class Elab {
    private Elab() { }

    /** Elaborates a lambda-built module; fails the test with all diagnostics if elaboration fails. */
    public static Design<TestModule> build(Runnable body) {
        return build(() -> new TestModule(body));
    }

    public static <M extends Module> Design<M> build(Supplier<M> top) {
        try {
            return Elaboration.elaborate(top);
        } catch (ElaborationException e) {
            return fail("unexpected elaboration errors: " + e.getMessage(), e);
        }
    }

    /** Elaborates a design that must fail; returns its diagnostics. */
    public static List<Diagnostic> errors(Runnable body) {
        return errors(() -> new TestModule(body));
    }

    public static List<Diagnostic> errors(Supplier<? extends Module> top) {
        ElaborationException e = assertThrows(ElaborationException.class, () -> Elaboration.elaborate(top::get),
                "the design should not elaborate");
        return e.diagnostics();
    }

    /** The single diagnostic of a failing design (fails if there are several). */
    public static Diagnostic singleError(Runnable body) {
        List<Diagnostic> ds = errors(body);
        if (ds.size() != 1) {
            fail("expected exactly one diagnostic, got " + ds);
        }
        return ds.get(0);
    }
}
