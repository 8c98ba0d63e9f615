package org.edgemoe.hdl.check;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.ir.SourceLoc;

/** Collects errors so that all of them are reported together, each with its source location. */
public final class Diagnostics {
    private final List<Diagnostic> errors = new ArrayList<>();
    private final java.util.Set<Diagnostic> seen = new java.util.HashSet<>();

    public void error(SourceLoc loc, String message) {
        Diagnostic diag = new Diagnostic(loc, message);
        // Many instances of one module report the same error once.
        if (seen.add(diag)) {
            errors.add(diag);
        }
    }

    public List<Diagnostic> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Runs {@code checks} (which add errors here), then throws if there is any error at all. */
    public void throwIfAnyAfter(Runnable checks) {
        checks.run();
        throwIfAny();
    }

    /** Throws an {@link ElaborationException} listing every error so far, if there is any. */
    public void throwIfAny() {
        if (hasErrors()) {
            throw new ElaborationException(errors());
        }
    }
}
