package org.edgemoe.rtl.perf;

import static org.edgemoe.model.ModelShape.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.Routing;

/**
 * The commands of one M3ViT image for the cycle model, in program order: EMBED; per layer LN1, QKV, ATTENTION,
 * projection, LN2, then FC1 / FC2 (dense layers) or GATE and EXPERTS (MoE layers, each expert with its own token
 * count); STORE. The same program {@code ProgramBuilder.m3vit} writes and the same bytes as {@link Workload}.
 */
public final class ImageOps {
    private ImageOps() { }

    /** Input image bytes: one byte a pixel value (the pixel streamer's 16-byte beats of 16 values). */
    public static final long IMAGE_BYTES = (long) CHANNELS * IMAGE_H * IMAGE_W;

    /** {@code layers} layers over {@code tokens} tokens; {@code routing[l]} as in {@link Workload#m3vit}. */
    public static List<Op> m3vit(int layers, int tokens, Routing[] routing) {
        if (layers < 0 || tokens < 2) {
            throw new IllegalArgumentException("need layers >= 0 and tokens >= 2 (the class token and a patch), got " + layers + ", " + tokens);
        }
        List<Op> s = new ArrayList<>();
        int patches = tokens - 1;
        long posEmbed = 4L * tokens * DIM;
        s.add(new Op(Op.Kind.EMBED, "embed", PATCH_IN, DIM, tokens, 0, Op.linearWeightBytes(PATCH_IN, DIM) + posEmbed,
                (long) patches * PATCH_IN, 0, List.of()));
        for (int l = 0; l < layers; l++) {
            String p = "l" + l + ".";
            s.add(layerNorm(p + "ln1", tokens));
            s.add(Op.linear(p + "qkv", DIM, 3 * DIM, tokens));
            s.add(new Op(Op.Kind.ATTENTION, p + "attention", DIM, DIM, tokens, HEADS, 0, 0, 0, List.of()));
            s.add(Op.linear(p + "proj", DIM, DIM, tokens));
            s.add(layerNorm(p + "ln2", tokens));
            if (isMoe(l)) {
                s.add(new Op(Op.Kind.GATE, p + "gate", DIM, EXPERTS, tokens, 0, 2L * DIM * EXPERTS, 0, 0, List.of()));
                int[] count = Workload.tokensPerExpert(routing == null ? null : routing[l], tokens);
                List<Integer> c = new ArrayList<>();
                for (int n : count) {
                    c.add(n);
                }
                s.add(new Op(Op.Kind.EXPERTS, p + "experts", DIM, EXPERT_HIDDEN, tokens, EXPERTS,
                        Op.linearWeightBytes(DIM, EXPERT_HIDDEN) + Op.linearWeightBytes(EXPERT_HIDDEN, DIM), 0, 0, c));
            } else {
                s.add(Op.linear(p + "fc1", DIM, MLP_HIDDEN, tokens));
                s.add(Op.linear(p + "fc2", MLP_HIDDEN, DIM, tokens));
            }
        }
        s.add(new Op(Op.Kind.STORE, "store", DIM, DIM, tokens, 0, 0, 0, 4L * tokens * DIM, List.of()));
        return s;
    }

    /** gamma and beta, 16 bits each. */
    private static Op layerNorm(String name, int tokens) {
        return new Op(Op.Kind.LAYERNORM, name, DIM, DIM, tokens, 0, 4L * DIM, 0, 0, List.of());
    }
}
