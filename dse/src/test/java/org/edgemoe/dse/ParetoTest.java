package org.edgemoe.dse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {
    record P(String n, double ms, double dsp) { }

    @Test
    void theFrontKeepsOnlyTheNonDominatedPoints() {
        P a = new P("a", 10, 100);
        P b = new P("b", 5, 300);
        P c = new P("c", 6, 400);    // dominated by b
        P d = new P("d", 10, 100);   // equal to a: neither dominates
        P e = new P("e", 2, 2000);
        P f = new P("f", 11, 100);   // dominated by a
        List<P> front = Pareto.front(List.of(a, b, c, d, e, f), P::ms, P::dsp);
        assertEquals(List.of(a, b, d, e), front);
        assertEquals(List.of("a", "d", "b", "e"), Pareto.staircase(List.of(a, b, c, d, e, f), P::dsp, P::ms).stream().map(P::n).toList());
        assertTrue(Pareto.dominates(b, c, P::ms, P::dsp));
        assertFalse(Pareto.dominates(a, d, P::ms, P::dsp));
    }
}
