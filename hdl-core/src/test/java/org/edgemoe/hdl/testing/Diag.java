package org.edgemoe.hdl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.check.Diagnostic;

/** Assertions on one diagnostic: its file, line and message. */
public final class Diag {
    private Diag() { }

    public static void assertAt(Diagnostic d, String file, int line, String... messageParts) {
        assertEquals(file, d.loc().file(), () -> "file of " + d);
        assertEquals(line, d.loc().line(), () -> "line of " + d);
        for (String part : messageParts) {
            assertTrue(d.message().contains(part), () -> "message of " + d + " should contain '" + part + "'");
        }
    }
}
