package org.edgemoe.rtl.isa;

import static org.edgemoe.rtl.isa.Command.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.ModelShape;

/**
 * Builds command lists. The typed methods fill each command's weight fields from a {@link WeightIndex} (the packed
 * image's tensor table, tensor names as in the runtime's M3ViT image: {@code patch_embed}, {@code pos_embed},
 * {@code lL.norm1.gamma}, ...); {@link #m3vit} is the whole M3ViT backbone for any number of layers. The program
 * does not depend on the task: GATE reads the task's matrix through TASK_SEL (the TASK register), so one program
 * serves both tasks.
 */
public final class ProgramBuilder {
    private final List<Command> commands = new ArrayList<>();
    private final WeightIndex index;
    private final int tokens;

    public ProgramBuilder(WeightIndex index, int tokens) {
        this.index = index;
        this.tokens = tokens;
    }

    public ProgramBuilder add(Command c) {
        commands.add(c);
        return this;
    }

    private WeightIndex.Block block(String tensor) {
        return index.block(tensor);
    }

    /** Bytes from {@code a} to {@code b}; {@code b} must lie after {@code a}. */
    private long delta(String a, String b) {
        long d = block(b).offset() - block(a).offset();
        if (d <= 0) {
            throw new IllegalArgumentException("weight image: " + b + " must lie after " + a);
        }
        return d;
    }

    /** EMBED: block A the patch weights (CU stream with bias), block B pos_embed (tokens x D, resid, 4 bytes each). */
    public ProgramBuilder embed(String patch, String pos) {
        WeightIndex.Block a = block(patch);
        WeightIndex.Block b = block(pos);
        return add(new Command(Opcode.EMBED, BIAS | RESID, Buf.HID, Buf.RES, Buf.RES, 0, 0, ModelShape.PATCH_IN, ModelShape.DIM, tokens,
                a.offset(), a.bytes(), 0, b.offset(), b.bytes()));
    }

    /** LAYERNORM: block A gamma, block B beta. */
    public ProgramBuilder layerNorm(int layer, Buf src, Buf dst, String gamma, String beta) {
        WeightIndex.Block a = block(gamma);
        WeightIndex.Block b = block(beta);
        return add(new Command(Opcode.LAYERNORM, 0, src, dst, Buf.RES, layer, 0, ModelShape.DIM, 0, tokens,
                a.offset(), a.bytes(), 0, b.offset(), b.bytes()));
    }

    public ProgramBuilder linear(int layer, int flags, Buf src, Buf dst, int in, int out, String tensor) {
        WeightIndex.Block a = block(tensor);
        return add(new Command(Opcode.LINEAR, flags, src, dst, Buf.RES, layer, 0, in, out, tokens, a.offset(), a.bytes(), 0));
    }

    public ProgramBuilder attention(int layer, Buf src, Buf dst, int heads) {
        return add(new Command(Opcode.ATTENTION, 0, src, dst, Buf.RES, layer, heads, ModelShape.DIM, 0, tokens, 0, 0, 0));
    }

    /** GATE: task 0's matrix as block A, task 1's at + stride (TASK_SEL). */
    public ProgramBuilder gate(int layer, Buf src, String task0, String task1) {
        WeightIndex.Block a = block(task0);
        if (block(task1).bytes() != a.bytes()) {
            throw new IllegalArgumentException("weight image: " + task0 + " and " + task1 + " differ in size");
        }
        return add(new Command(Opcode.GATE, TASK_SEL, src, Buf.RES, Buf.RES, layer, 0, ModelShape.DIM, ModelShape.EXPERTS, tokens,
                a.offset(), a.bytes(), delta(task0, task1)));
    }

    /**
     * EXPERTS: expert e's FC1 (block A) and FC2 (block B) at + e x stride; the image must lay the experts out at
     * one stride (checked for every expert).
     */
    public ProgramBuilder experts(int layer, Buf src, Buf dst, Buf second, String prefix, int experts) {
        return add(expertsCommand(layer, src, dst, second, prefix, experts));
    }

    private Command expertsCommand(int layer, Buf src, Buf dst, Buf second, String prefix, int experts) {
        WeightIndex.Block fc1 = block(prefix + "0.fc1");
        WeightIndex.Block fc2 = block(prefix + "0.fc2");
        long stride = experts > 1 ? delta(prefix + "0.fc1", prefix + "1.fc1") : 0;
        for (int e = 0; e < experts; e++) {
            WeightIndex.Block a = block(prefix + e + ".fc1");
            WeightIndex.Block b = block(prefix + e + ".fc2");
            if (a.offset() != fc1.offset() + e * stride || b.offset() != fc2.offset() + e * stride
                    || a.bytes() != fc1.bytes() || b.bytes() != fc2.bytes()) {
                throw new IllegalArgumentException("weight image: the experts " + prefix + "E are not at one stride ("
                        + prefix + e + " breaks it)");
            }
        }
        return new Command(Opcode.EXPERTS, BIAS | GELU, src, dst, second, layer, experts, ModelShape.DIM,
                ModelShape.EXPERT_HIDDEN, tokens, fc1.offset(), fc1.bytes(), stride, fc2.offset(), fc2.bytes());
    }

    /** PREFETCH of the EXPERTS {@link #experts} would emit for the same arguments: its blocks read ahead. */
    public ProgramBuilder prefetch(int layer, String prefix, int experts) {
        Command e = expertsCommand(layer, Buf.LNO, Buf.RES, Buf.SEC, prefix, experts);
        return add(new Command(Opcode.PREFETCH, 0, null, null, null, layer, experts, 0, 0, 0, e.weightOffset(), e.weightBytes(),
                e.weightStride(), e.weight2Offset(), e.weight2Bytes()));
    }

    public ProgramBuilder store(Buf src, int values) {
        return add(new Command(Opcode.STORE, 0, src, Buf.RES, Buf.RES, 0, 0, 0, values, tokens, 0, 0, 0));
    }

    public ProgramBuilder barrier() {
        return add(Command.of(Opcode.BARRIER));
    }

    public ProgramBuilder end() {
        return add(Command.of(Opcode.END));
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    public byte[] encode() {
        return CommandCodec.encode(commands);
    }

    /** Layer {@code l}'s commands: x += proj(attn(qkv(LN1 x))), then x += FFN(LN2 x) (dense MLP or gate + experts). */
    public ProgramBuilder layer(int l) {
        int d = ModelShape.DIM;
        String n = "l" + l + ".";
        layerNorm(l, Buf.RES, Buf.LNO, n + "norm1.gamma", n + "norm1.beta");
        linear(l, BIAS | ATTN_BIAS, Buf.LNO, Buf.QKV, d, 3 * d, n + "qkv");
        attention(l, Buf.QKV, Buf.ATT, ModelShape.HEADS);
        linear(l, BIAS | ATTN_BIAS | RESID, Buf.ATT, Buf.RES, d, d, n + "proj");
        layerNorm(l, Buf.RES, Buf.LNO, n + "norm2.gamma", n + "norm2.beta");
        if (ModelShape.isMoe(l)) {
            gate(l, Buf.LNO, n + "gate.task0", n + "gate.task1");
            experts(l, Buf.LNO, Buf.RES, Buf.SEC, n + "expert", ModelShape.EXPERTS);
        } else {
            linear(l, BIAS | GELU, Buf.LNO, Buf.HID, d, ModelShape.MLP_HIDDEN, n + "fc1");
            linear(l, BIAS | RESID, Buf.HID, Buf.RES, ModelShape.MLP_HIDDEN, d, n + "fc2");
        }
        return this;
    }

    /** PREFETCH of the first MoE layer at or after {@code from} (below {@code layers}), if there is one. */
    private void prefetchNextMoe(int from, int layers) {
        for (int m = from; m < layers; m++) {
            if (ModelShape.isMoe(m)) {
                prefetch(m, "l" + m + ".expert", ModelShape.EXPERTS);
                return;
            }
        }
    }

    /**
     * The M3ViT backbone: EMBED; {@code layers} layers; STORE of the residual stream; END. Each MoE layer's expert
     * blocks are prefetched after the previous MoE layer's EXPERTS (the first layer's after EMBED), so they stream in
     * during the dense layer and the attention half of their own.
     */
    public static ProgramBuilder m3vit(WeightIndex index, int layers) {
        return m3vit(index, layers, ModelShape.TOKENS);
    }

    /** As {@link #m3vit(WeightIndex, int)} over the first {@code tokens} tokens (CLS and patches 0 .. tokens - 2). */
    public static ProgramBuilder m3vit(WeightIndex index, int layers, int tokens) {
        ProgramBuilder p = new ProgramBuilder(index, tokens);
        p.embed("patch_embed", "pos_embed");
        p.prefetchNextMoe(0, layers);
        for (int l = 0; l < layers; l++) {
            p.layer(l);
            if (ModelShape.isMoe(l)) {
                p.prefetchNextMoe(l + 1, layers);
            }
        }
        p.store(Buf.RES, ModelShape.DIM);
        p.end();
        return p;
    }
}
