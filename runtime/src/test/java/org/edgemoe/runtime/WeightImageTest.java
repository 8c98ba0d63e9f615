package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image format on small tensors: round trip, layout rules, and every corruption named with file, expected, found. */
class WeightImageTest {
    private static final ImageConfig CFG = new ImageConfig(Formats.dsp18(), 4, 4);
    private static final FixFormat W = FixFormat.signedWI(16, 2);
    private static final FixFormat B = FixFormat.signedWI(16, 5);
    private static final FixFormat R = FixFormat.signedWI(32, 10);
    private static final List<TensorSpec> SPECS = List.of(
            TensorSpec.cuStream("lin", W, B, 8, 4),
            TensorSpec.rowMajor("vec", R, 3, 5),
            TensorSpec.rowMajor("px", FixFormat.unsignedWI(8, 0), 7));

    @TempDir
    Path dir;

    private static WeightImage small() {
        long[] lin = new long[8 * 4 + 8];
        for (int i = 0; i < lin.length; i++) {
            lin[i] = (i * 2654435761L % 65536) - 32768;
        }
        long[] vec = new long[15];
        for (int i = 0; i < vec.length; i++) {
            vec[i] = (i % 2 == 0 ? -1 : 1) * (123456789L * (i + 1) % (1L << 31));
        }
        long[] px = {0, 1, 2, 127, 128, 254, 255};
        return WeightImage.builder(CFG).add(SPECS.get(0), lin).add(SPECS.get(1), vec).add(SPECS.get(2), px).build();
    }

    private Path written() {
        Path f = dir.resolve("small.img");
        small().write(f);
        return f;
    }

    @Test
    void roundTripKeepsEveryValueAndAlignsTensors() {
        WeightImage img = small();
        WeightImage back = WeightImage.read(written(), CFG, SPECS);
        for (TensorSpec s : SPECS) {
            assertArrayEquals(img.raw(s.name()), back.raw(s.name()), s.name());
            assertEquals(0, back.tensor(s.name()).offset() % WeightImage.ALIGN, s.name() + " offset");
        }
        assertEquals(-1L * 123456789L, back.raw("vec")[0]);
        assertEquals(255, back.raw("px")[6]);
        assertEquals(4 * WeightImage.ALIGN, back.size(), "header page + three tensor pages");
        assertEquals(2, back.tensor("lin").spec().elementBytes());
        assertEquals(4, back.tensor("vec").spec().elementBytes());
        assertEquals(80, back.tensor("lin").bytes());
    }

    @Test
    void writingIsDeterministic() {
        assertArrayEquals(small().bytes(), small().bytes());
    }

    @Test
    void valuesOutsideTheFormatAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> WeightImage.builder(CFG).add(SPECS.get(2), new long[] {0, 0, 0, 256, 0, 0, 0}));
        assertTrue(e.getMessage().contains("px element 3"), e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> WeightImage.builder(CFG).add(SPECS.get(2), new long[3]));
        assertTrue(n.getMessage().contains("expected 7 values, found 3"), n.getMessage());
    }

    private WeightImageException corrupt(Path f, ImageConfig cfg, List<TensorSpec> specs) {
        return assertThrows(WeightImageException.class, () -> WeightImage.read(f, cfg, specs));
    }

    private static void patch(Path f, int at, byte[] bytes) throws IOException {
        byte[] d = Files.readAllBytes(f);
        System.arraycopy(bytes, 0, d, at, bytes.length);
        Files.write(f, d);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static void assertNames(WeightImageException e, Path f, String... parts) {
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void missingAndShortFiles() throws IOException {
        Path none = dir.resolve("none.img");
        assertNames(corrupt(none, CFG, SPECS), none, "no such file");
        Path tiny = dir.resolve("tiny.img");
        Files.write(tiny, new byte[10]);
        assertNames(corrupt(tiny, CFG, SPECS), tiny, "expected at least 40 bytes, found 10");
    }

    @Test
    void wrongMagicVersionAndConfiguration() throws IOException {
        Path f = written();
        patch(f, 0, "PNG\0".getBytes());
        assertNames(corrupt(f, CFG, SPECS), f, "expected magic \"EMOEWIMG\"", "found \"PNG\\x00WIMG\"");
        f = written();
        patch(f, 8, le32(7));
        assertNames(corrupt(f, CFG, SPECS), f, "layout version: expected 1, found 7");
        f = written();
        ImageConfig other = new ImageConfig(Formats.published(), 4, 4);
        assertNames(corrupt(f, other, SPECS), f, "another configuration", String.format("expected hash %016x", other.hash()),
                String.format("found %016x", CFG.hash()));
        assertNotEquals(CFG.hash(), new ImageConfig(Formats.dsp18(), 8, 4).hash(), "array shape is part of the configuration");
    }

    @Test
    void corruptHeaderAndData() throws IOException {
        Path f = written();
        patch(f, WeightImage.FIXED_HEADER + 64, le32(4096 * 9));   // first tensor's offset
        assertNames(corrupt(f, CFG, SPECS), f, "header CRC-32: expected");
        f = written();
        long off = small().tensor("vec").offset();
        patch(f, (int) off + 5, new byte[] {0x55});
        assertNames(corrupt(f, CFG, SPECS), f, "tensor vec CRC-32", "data is corrupt");
    }

    @Test
    void truncatedFileAndWrongTensorShape() throws IOException {
        Path f = written();
        byte[] d = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(d, d.length - 100));
        assertNames(corrupt(f, CFG, SPECS), f, "file size: expected " + d.length + " bytes", "found " + (d.length - 100));
        f = written();
        List<TensorSpec> other = List.of(SPECS.get(0), TensorSpec.rowMajor("vec", R, 3, 6), SPECS.get(2));
        assertNames(corrupt(f, CFG, other), f, "tensor 1: expected vec [3][6]", "found vec [3][5]");
        List<TensorSpec> fewer = List.of(SPECS.get(0), SPECS.get(1));
        assertNames(corrupt(f, CFG, fewer), f, "tensor count: expected 2, found 3");
    }

    @Test
    void failedWriteLeavesNoFile() throws IOException {
        Path blocker = dir.resolve("file");
        Files.write(blocker, new byte[1]);
        Path target = blocker.resolve("x.img");   // parent is a file: cannot be created
        WeightImageException e = assertThrows(WeightImageException.class, () -> small().write(target));
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
        assertFalse(Files.exists(target));
    }
}
