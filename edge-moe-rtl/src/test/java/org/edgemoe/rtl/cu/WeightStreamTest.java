package org.edgemoe.rtl.cu;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The weight-stream order by hand on a 2 x 2 array, and the shapes it refuses. */
class WeightStreamTest {
    @Test
    void biasRowThenTheRowsOfEachOutputTile() {
        long[] w = new long[8];   // 4 outputs x 2 inputs: w[o][i] = 10 o + i
        for (int o = 0; o < 4; o++) {
            for (int i = 0; i < 2; i++) {
                w[o * 2 + i] = 10 * o + i;
            }
        }
        assertArrayEquals(new long[] {100, 101, 0, 10, 1, 11, 102, 103, 20, 30, 21, 31},
                WeightStream.of(w, new long[] {100, 101, 102, 103}, 4, 2, 2, 2));
        assertArrayEquals(new long[] {0, 10, 1, 11, 20, 30, 21, 31}, WeightStream.of(w, null, 4, 2, 2, 2));
    }

    @Test
    void shapesThatDoNotTileAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WeightStream.of(new long[6], null, 3, 2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> WeightStream.of(new long[8], new long[3], 4, 2, 2, 2));
    }
}
