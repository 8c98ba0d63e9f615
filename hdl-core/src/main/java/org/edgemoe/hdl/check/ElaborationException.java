package org.edgemoe.hdl.check;

import java.util.List;

/** The design has errors; the message lists all of them as {@code File.java:line: message}. */
public final class ElaborationException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public ElaborationException(List<Diagnostic> diagnostics) {
        super(format(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String format(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder(ds.size() + (ds.size() == 1 ? " elaboration error" : " elaboration errors"));
        for (Diagnostic d : ds) {
            sb.append("\n  ").append(d);
        }
        return sb.toString();
    }
}
