package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelHeaderParserTest {
    @Test
    void mangledScopesBecomeDottedPathsBelowTheTop() {
        assertEquals("", ModelHeaderParser.hierarchicalName("Counter", "Counter"));
        assertEquals("u_parity", ModelHeaderParser.hierarchicalName("Counter__u_parity", "Counter"));
        assertEquals("u_a.u_b", ModelHeaderParser.hierarchicalName("Top__DOT__u_a__DOT__u_b", "Top"));
        assertEquals("g[3].pe", ModelHeaderParser.hierarchicalName("Top__g__BRA__3__KET____pe", "Top"));
    }
}
