package org.edgemoe.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightLoadingTest {

    @Test
    void wrongSizeNamesFileExpectedAndFoundSize(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("pos_embed.float32.bin"), new byte[100]);
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> TensorFile.read(dir, "pos_embed", 129, 192));
        assertTrue(e.getMessage().contains("pos_embed.float32.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("99072"), e.getMessage());
        assertTrue(e.getMessage().contains("found 100"), e.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        WeightFileException e = assertThrows(WeightFileException.class, () -> M3VitWeights.load(dir));
        assertTrue(e.getMessage().contains("image.float32.bin"), e.getMessage());
    }

    @Test
    void readsLittleEndianFloats(@TempDir Path dir) throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1.5f).putFloat(-2f);
        Files.write(dir.resolve("t.float32.bin"), b.array());
        assertArrayEquals(new double[] {1.5, -2}, TensorFile.read(dir, "t", 2), 0);
    }

    @Test
    void erfMatchesKnownValues() {
        assertEquals(0.8427007929497149, Erf.erf(1), 1e-15);
        assertEquals(-0.9953222650189527, Erf.erf(-2), 1e-15);
        assertEquals(0.9999779095030014, Erf.erf(3), 1e-15);
        assertEquals(0.8413447460685429, Erf.gelu(1), 1e-15);
    }
}
