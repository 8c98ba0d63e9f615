package org.edgemoe.hdl.check;

import org.edgemoe.hdl.ir.SourceLoc;

/** One elaboration error, located in the user's source. */
public record Diagnostic(SourceLoc loc, String message) {
    @Override
    public String toString() {
        return loc + ": " + message;
    }
}
