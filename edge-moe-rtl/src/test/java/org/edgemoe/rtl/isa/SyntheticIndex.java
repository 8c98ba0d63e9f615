package org.edgemoe.rtl.isa;

import static org.edgemoe.model.ModelShape.*;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A weight index for tests that need programs but no weights: the M3ViT tensors with the runtime image's names,
 * order, element sizes (2 bytes, pos_embed 4) and 4 KB alignment after a header. The real index is the packed
 * image's tensor table (runtime {@code WeightImage}); the runtime's tests check that programs built from both agree.
 */
public final class SyntheticIndex implements WeightIndex {
    public static final int ALIGN = 4096;
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private long size = ALIGN;   // the header's page

    private void add(String name, long values, int bytesPerValue) {
        long offset = (size + ALIGN - 1) / ALIGN * ALIGN;
        blocks.put(name, new Block(offset, values * bytesPerValue));
        size = offset + values * bytesPerValue;
    }

    private void linear(String name, int out, int in) {
        add(name, (long) out * in + out, 2);
    }

    /** The first {@code layers} layers of M3ViT-tiny. */
    public static SyntheticIndex m3vit(int layers) {
        SyntheticIndex w = new SyntheticIndex();
        w.linear("patch_embed", DIM, PATCH_IN);
        w.add("pos_embed", (long) TOKENS * DIM, 4);
        for (int l = 0; l < layers; l++) {
            String p = "l" + l + ".";
            w.add(p + "norm1.gamma", DIM, 2);
            w.add(p + "norm1.beta", DIM, 2);
            w.linear(p + "qkv", 3 * DIM, DIM);
            w.linear(p + "proj", DIM, DIM);
            w.add(p + "norm2.gamma", DIM, 2);
            w.add(p + "norm2.beta", DIM, 2);
            if (isMoe(l)) {
                for (int t = 0; t < TASKS; t++) {
                    w.add(p + "gate.task" + t, (long) DIM * EXPERTS, 2);
                }
                for (int e = 0; e < EXPERTS; e++) {
                    w.linear(p + "expert" + e + ".fc1", EXPERT_HIDDEN, DIM);
                    w.linear(p + "expert" + e + ".fc2", DIM, EXPERT_HIDDEN);
                }
            } else {
                w.linear(p + "fc1", MLP_HIDDEN, DIM);
                w.linear(p + "fc2", DIM, MLP_HIDDEN);
            }
        }
        return w;
    }

    @Override
    public Block block(String tensor) {
        Block b = blocks.get(tensor);
        if (b == null) {
            throw new IllegalArgumentException("no tensor " + tensor + " in the weight index");
        }
        return b;
    }

    @Override
    public long size() {
        return (size + ALIGN - 1) / ALIGN * ALIGN;
    }
}
