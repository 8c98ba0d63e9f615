package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.QuantizedWeights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real M3ViT weights packed, written, read back and checked tensor by tensor against the golden model's quantisation. */
class M3VitImageTest {
    private static QuantizedWeights q;
    private static final ImageConfig CFG = ImageConfig.defaults();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        q = new QuantizedWeights(M3VitWeights.load(folder), Formats.dsp18());
    }

    @Test
    void layoutCoversTheModel() {
        List<TensorSpec> specs = M3VitImage.layout(CFG);
        assertEquals(2 + 6 * 8 + 6 * (6 + 2 + 32), specs.size());
        long params = specs.stream().mapToLong(TensorSpec::elements).sum();
        assertTrue(params > 17_000_000 && params < 18_500_000, "parameters " + params);
    }

    @Test
    void packedImageReadsBackBitExact() {
        Path f = dir.resolve("m3vit.img");
        WeightImage img = M3VitImage.pack(q, CFG);
        img.write(f);
        WeightImage back = M3VitImage.read(f, CFG);
        assertEquals(img.size(), back.size());
        assertArrayEquals(q.posEmbed(), back.raw("pos_embed"));
        assertArrayEquals(q.layer(3).norm2Gamma(), back.raw("l3.norm2.gamma"));
        long[] qkv = back.raw("l0.qkv");
        // first output tile: bias row, then row r = input 0 of outputs 0..C-1
        int cols = CFG.cuCols();
        for (int c = 0; c < cols; c++) {
            assertEquals(q.layer(0).qkvBias()[c], qkv[c]);
            assertEquals(q.layer(0).qkvWeight()[c * ModelShape.DIM], qkv[cols + c]);
        }
        long[] gate = back.raw("l5.gate.task1");
        assertEquals(q.layer(5).gates()[1][7 * ModelShape.DIM + 100], gate[100 * ModelShape.EXPERTS + 7]);
        assertArrayEquals(M3VitImage.cuStream(q.layer(11).experts()[15].fc2Weight(), q.layer(11).experts()[15].fc2Bias(),
                ModelShape.DIM, ModelShape.EXPERT_HIDDEN, CFG), back.raw("l11.expert15.fc2"));
        long expected = WeightImage.align(WeightImage.FIXED_HEADER + WeightImage.ENTRY_BYTES * (long) img.tensors().size());
        long payload = 0;
        for (TensorSpec s : M3VitImage.layout(CFG)) {
            expected += WeightImage.align(s.bytes());
            payload += s.bytes();
        }
        assertEquals(expected, img.size(), "header page + 4 KB-aligned tensors");
        assertTrue(payload > 35_500_000 && payload < 36_500_000, "tensor bytes " + payload + " (the budget's 35.9 MB)");
    }

    @Test
    void imageForAnotherProfileIsRefused() {
        Path f = dir.resolve("m3vit.img");
        M3VitImage.pack(q, CFG).write(f);
        ImageConfig published = new ImageConfig(Formats.published(), 16, 16);
        WeightImageException e = assertThrows(WeightImageException.class, () -> M3VitImage.read(f, published));
        assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> M3VitImage.pack(q, published));
    }
}
