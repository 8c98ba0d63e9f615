package org.edgemoe.model.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.junit.jupiter.api.Test;

class GateRoutingTest {
    private final Formats pub = Formats.published();

    @Test
    void routeIsSoftmaxOfLogitsPickedByTopKOfLogits() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            long[] logits = new long[16];
            for (int e = 0; e < 16; e++) {
                logits[e] = FixedRaw.fromDouble(rnd.nextDouble() * 8 - 4, pub.act());
            }
            GateRouting.Decision d = GateRouting.route(logits, 2, pub);
            long[] probs = HwOps.softmaxRow(logits, pub.act(), pub).probs();
            int[] top = HwOps.topK(logits, 2);
            assertArrayEquals(top, d.experts());
            assertArrayEquals(new long[] {probs[top[0]], probs[top[1]]}, d.scores());
        }
    }

    @Test
    void equalLogitsGoToTheLowestIndicesWithEqualScores() {
        GateRouting.Decision d = GateRouting.route(new long[4], 3, pub);
        assertArrayEquals(new int[] {0, 1, 2}, d.experts());
        assertEquals(d.scores()[0], d.scores()[2]);
        assertEquals(0.25, FixedRaw.toDouble(d.scores()[0], pub.prob().fracBits()), 1e-4);
    }

    @Test
    void routeTokenIsTheGateLinearThenRoute() {
        long[] h = {FixedRaw.fromDouble(1, pub.act()), FixedRaw.fromDouble(-2, pub.act())};
        long[] gate = new long[3 * 2];
        gate[2 * 2] = FixedRaw.fromDouble(1, pub.weightLinear());   // expert 2 gets 1.0
        gate[1 * 2 + 1] = FixedRaw.fromDouble(-0.25, pub.weightLinear()); // expert 1 gets 0.5
        long[] logits = GateRouting.gateLogits(h, gate, pub);
        assertEquals(1.0, FixedRaw.toDouble(logits[2], pub.act().fracBits()), 0);
        assertEquals(0.5, FixedRaw.toDouble(logits[1], pub.act().fracBits()), 0);
        assertArrayEquals(new int[] {2, 1}, GateRouting.routeToken(h, gate, 2, pub).experts());
    }

    @Test
    void reorderAppendsInTokenOrderAndListsNonEmptyExperts() {
        GateRouting.Decision[] ds = {
            new GateRouting.Decision(new int[] {3, 0}, new long[] {7, 3}),
            new GateRouting.Decision(new int[] {0, 3}, new long[] {6, 4}),
            new GateRouting.Decision(new int[] {3, 1}, new long[] {9, 1}),
        };
        GateRouting.Queues q = GateRouting.reorder(ds, 5, 2);
        assertArrayEquals(new int[] {0, 1, 3}, q.nonEmpty());
        assertEquals(List.of(new GateRouting.Entry(0, 3), new GateRouting.Entry(1, 6)), q.queues().get(0));
        assertEquals(List.of(new GateRouting.Entry(2, 1)), q.queues().get(1));
        // capacity 2: token 2's entry for expert 3 is dropped
        assertEquals(List.of(new GateRouting.Entry(0, 7), new GateRouting.Entry(1, 4)), q.queues().get(3));
        assertEquals(3, GateRouting.reorder(ds, 5, Integer.MAX_VALUE).queues().get(3).size());
    }
}
