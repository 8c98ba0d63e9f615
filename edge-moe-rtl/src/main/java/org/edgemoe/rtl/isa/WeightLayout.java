package org.edgemoe.rtl.isa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.edgemoe.model.ModelShape;

/**
 * Where each tensor block lies in the weight image (bytes from WEIGHTS_ADDR): the one description the program
 * builder and the weight packer share. {@link #m3vit(int)} lays the M3ViT blocks out in program order, each
 * 64-byte aligned, 2 bytes per value, every block as the unit that reads it takes it (a linear layer's weights
 * with its bias, LayerNorm's gamma then beta, a gate's two task matrices at a fixed stride, an MoE layer's 16
 * experts at a fixed stride, each expert FC1 with bias then FC2 with bias).
 */
public final class WeightLayout {
    /** A block: its offset, its bytes, and (for repeated blocks) the stride and count. */
    public record Block(String name, long offset, long bytes, long stride, int copies) { }

    public static final int ALIGN = 64;
    public static final int VALUE_BYTES = 2;

    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private long size;

    private static long align(long v) {
        return (v + ALIGN - 1) / ALIGN * ALIGN;
    }

    /** Appends a block of {@code copies} copies of {@code values} values each (copies at an aligned stride). */
    public WeightLayout add(String name, long values, int copies) {
        if (blocks.containsKey(name)) {
            throw new IllegalArgumentException("weight block " + name + " laid out twice");
        }
        long bytes = values * VALUE_BYTES;
        long stride = align(bytes);
        long offset = align(size);
        blocks.put(name, new Block(name, offset, bytes, copies > 1 ? stride : 0, copies));
        size = offset + stride * copies;
        return this;
    }

    public Block block(String name) {
        Block b = blocks.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no weight block " + name + " in the layout; blocks: " + blocks.keySet());
        }
        return b;
    }

    public Map<String, Block> blocks() {
        return java.util.Collections.unmodifiableMap(blocks);
    }

    /** Bytes of the whole image (the WEIGHTS_SIZE register). */
    public long size() {
        return size;
    }

    /** The M3ViT-tiny blocks for {@code layers} layers (dense MLP on even layers, MoE on odd ones). */
    public static WeightLayout m3vit(int layers) {
        int d = ModelShape.DIM;
        WeightLayout w = new WeightLayout();
        w.add("embed", (long) d * ModelShape.PATCH_IN + d + (long) ModelShape.TOKENS * d, 1);
        for (int l = 0; l < layers; l++) {
            w.add("l" + l + ".norm1", 2L * d, 1);
            w.add("l" + l + ".qkv", 3L * d * d + 3L * d, 1);
            w.add("l" + l + ".proj", (long) d * d + d, 1);
            w.add("l" + l + ".norm2", 2L * d, 1);
            if (l % 2 == 0) {
                w.add("l" + l + ".fc1", (long) ModelShape.MLP_HIDDEN * d + ModelShape.MLP_HIDDEN, 1);
                w.add("l" + l + ".fc2", (long) d * ModelShape.MLP_HIDDEN + d, 1);
            } else {
                w.add("l" + l + ".gate", (long) ModelShape.EXPERTS * d, ModelShape.TASKS);
                long expert = (long) ModelShape.EXPERT_HIDDEN * d + ModelShape.EXPERT_HIDDEN + (long) d * ModelShape.EXPERT_HIDDEN + d;
                w.add("l" + l + ".experts", expert, ModelShape.EXPERTS);
            }
        }
        return w;
    }
}
