package org.edgemoe.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void largestFirstTiesTowardTheLowerIndex() {
        assertArrayEquals(new int[] {1, 3}, TopK.of(new double[] {0, 5, 2, 5, 5}, 2));
        assertArrayEquals(new int[] {2, 0, 3}, TopK.of(new double[] {-1, -3, 4, -1}, 3));
        assertArrayEquals(new int[] {1, 3}, TopK.of(new long[] {0, 5, 2, 5, 5}, 2));
        assertArrayEquals(new int[] {2, 0, 3}, TopK.of(new long[] {-1, -3, 4, -1}, 3));
    }
}
