package org.edgemoe.model.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixedRaw;
import org.junit.jupiter.api.Test;

/** The staggered key order of AttentionUnit: query i's online softmax visits keys i, i+1, .., T-1, 0, .., i-1. */
class AttentionUnitTest {

    @Test
    void keyOrderStartsAtTheQueryAndWraps() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, AttentionUnit.keyOrder(0, 4));
        assertArrayEquals(new int[] {2, 3, 0, 1}, AttentionUnit.keyOrder(2, 4));
        assertArrayEquals(new int[] {0}, AttentionUnit.keyOrder(0, 1));
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheRotatedRowMappedBack() {
        Formats f = Formats.dsp18();
        SplittableRandom rnd = new SplittableRandom(5);
        long[] s = new long[37];
        for (int j = 0; j < s.length; j++) {
            s[j] = FixedRaw.fromDouble(rnd.nextDouble(-6, 6), f.act());
        }
        boolean orderMattered = false;
        for (int i = 0; i < s.length; i++) {
            long[] rotated = new long[s.length];
            for (int m = 0; m < s.length; m++) {
                rotated[m] = s[(i + m) % s.length];
            }
            long[] pr = SoftmaxUnit.softmaxRow(rotated, f.act(), f).probs();
            long[] p = AttentionUnit.staggeredProbs(s, i, f.act(), f);
            for (int m = 0; m < s.length; m++) {
                assertTrue(p[(i + m) % s.length] == pr[m], "query " + i + " key " + m);
            }
            orderMattered |= !java.util.Arrays.equals(p, SoftmaxUnit.softmaxRow(s, f.act(), f).probs());
        }
        assertTrue(orderMattered, "the truncating recurrence is order dependent on some row");
    }
}
