package org.edgemoe.hdl.testing;

/** The caller's source line, to compute expected diagnostic locations robustly. */
public final class Here {
    private Here() { }

    /** The line number of the statement that calls this method. */
    public static int line() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }
}
