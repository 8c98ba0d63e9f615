package org.edgemoe.hdl.core;

import java.util.function.Supplier;
import org.edgemoe.hdl.check.Checks;
import org.edgemoe.hdl.check.ElaborationException;

/**
 * Builds a design: runs the top module's constructor (and so every child's), names hardware after
 * Java fields, then runs every check. All errors, from construction and from the checks, are reported
 * together in one {@link ElaborationException}.
 */
public final class Elaboration {
    private Elaboration() { }

    public static <M extends Module> Design<M> elaborate(Supplier<M> top) {
        Builder b = Builder.open();
        try {
            M m = top.get();
            m.finish();
            boolean constructionErrors = b.diagnostics.hasErrors();
            try {
                Checks.run(m.ir(), b.diagnostics);
            } catch (RuntimeException e) {
                // A netlist with construction errors may confuse a check: report the errors already found.
                if (!constructionErrors) {
                    throw e;
                }
            }
            b.diagnostics.throwIfAny();
            return new Design<>(m);
        } finally {
            Builder.close();
        }
    }
}
