package org.edgemoe.rtl.perf;

import static org.edgemoe.model.ModelShape.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.Routing;
import org.edgemoe.rtl.perf.Step.Unit;

/**
 * The work of one image of M3ViT as a list of steps, for any number of layers and tokens: the same
 * commands the accelerator's program runs. Weights are 16 bits (every profile), with bias rows; the MoE
 * layers read each active expert's weights once, whatever its token count, and compute only its tokens.
 */
public final class Workload {
    private Workload() { }

    /**
     * Steps of {@code layers} layers over {@code tokens} tokens; {@code routing[l]} (odd l) gives the MoE
     * layer's chosen experts per token, or null for "every expert active, tokens spread evenly".
     */
    public static List<Step> m3vit(int layers, int tokens, Routing[] routing) {
        List<Step> s = new ArrayList<>();
        int patches = tokens - 1;
        s.add(new Step("embed", Unit.COMPUTE, (long) patches * PATCH_IN * DIM,
                2L * (PATCH_IN * DIM + DIM) + 4L * tokens * DIM + (long) patches * PATCH_IN));
        for (int l = 0; l < layers; l++) {
            String p = "l" + l + ".";
            s.add(new Step(p + "ln1", Unit.LAYERNORM, (long) tokens * DIM, 4L * DIM));
            s.add(linear(p + "qkv", tokens, DIM, 3 * DIM));
            s.add(new Step(p + "attention", Unit.ATTENTION, 2L * HEADS * tokens * tokens * HEAD_DIM, 0));
            s.add(linear(p + "proj", tokens, DIM, DIM));
            s.add(new Step(p + "ln2", Unit.LAYERNORM, (long) tokens * DIM, 4L * DIM));
            if (isMoe(l)) {
                s.add(new Step(p + "gate", Unit.ROUTER, (long) tokens * DIM, 2L * DIM * EXPERTS));
                int[] count = tokensPerExpert(routing == null ? null : routing[l], tokens);
                for (int e = 0; e < EXPERTS; e++) {
                    if (count[e] > 0) {
                        s.add(linear(p + "expert" + e + ".fc1", count[e], DIM, EXPERT_HIDDEN));
                        s.add(linear(p + "expert" + e + ".fc2", count[e], EXPERT_HIDDEN, DIM));
                    }
                }
            } else {
                s.add(linear(p + "fc1", tokens, DIM, MLP_HIDDEN));
                s.add(linear(p + "fc2", tokens, MLP_HIDDEN, DIM));
            }
        }
        s.add(new Step("store", Unit.DDR, 0, 4L * tokens * DIM));
        return s;
    }

    private static Step linear(String name, int tokens, int in, int out) {
        return new Step(name, Unit.COMPUTE, (long) tokens * in * out, 2L * (in * out + out));
    }

    /** Tokens per expert of a MoE layer (every token counted once per chosen expert); spread evenly when {@code r} is null. */
    static int[] tokensPerExpert(Routing r, int tokens) {
        int[] c = new int[EXPERTS];
        if (r == null) {
            for (int t = 0; t < tokens * TOP_K; t++) {
                c[t % EXPERTS]++;
            }
            return c;
        }
        for (int t = 0; t < Math.min(tokens, r.experts().length); t++) {
            for (int e : r.experts()[t]) {
                c[e]++;
            }
        }
        return c;
    }
}
