package org.edgemoe.rtl.isa;

import static org.edgemoe.rtl.isa.Command.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.ModelShape;

/**
 * Builds command lists. The typed methods fill each command's fields from a {@link WeightLayout} block; {@link #m3vit}
 * is the whole M3ViT backbone for any number of layers. The program does not depend on the task: GATE reads the
 * task's matrix through TASK_SEL (the TASK register), so one program serves both tasks.
 */
public final class ProgramBuilder {
    private final List<Command> commands = new ArrayList<>();
    private final WeightLayout layout;
    private final int tokens;

    public ProgramBuilder(WeightLayout layout, int tokens) {
        this.layout = layout;
        this.tokens = tokens;
    }

    public ProgramBuilder add(Command c) {
        commands.add(c);
        return this;
    }

    private Command weighted(Opcode op, int flags, Buf src, Buf dst, Buf aux, int layer, int count, int in, int out, String block) {
        WeightLayout.Block b = layout.block(block);
        return new Command(op, flags, src, dst, aux, layer, count, in, out, tokens, b.offset(), b.bytes(), b.stride());
    }

    public ProgramBuilder embed(String block) {
        return add(weighted(Opcode.EMBED, BIAS, Buf.RES, Buf.RES, Buf.RES, 0, 0, ModelShape.PATCH_IN, ModelShape.DIM, block));
    }

    public ProgramBuilder layerNorm(int layer, Buf src, Buf dst, String block) {
        return add(weighted(Opcode.LAYERNORM, 0, src, dst, Buf.RES, layer, 0, ModelShape.DIM, 0, block));
    }

    public ProgramBuilder linear(int layer, int flags, Buf src, Buf dst, int in, int out, String block) {
        return add(weighted(Opcode.LINEAR, flags, src, dst, Buf.RES, layer, 0, in, out, block));
    }

    public ProgramBuilder attention(int layer, Buf src, Buf dst, int heads) {
        return add(new Command(Opcode.ATTENTION, 0, src, dst, Buf.RES, layer, heads, ModelShape.DIM, 0, tokens, 0, 0, 0));
    }

    public ProgramBuilder gate(int layer, Buf src, String block) {
        return add(weighted(Opcode.GATE, TASK_SEL, src, Buf.RES, Buf.RES, layer, 0, ModelShape.DIM, ModelShape.EXPERTS, block));
    }

    public ProgramBuilder experts(int layer, Buf src, Buf dst, Buf second, String block) {
        return add(weighted(Opcode.EXPERTS, BIAS | GELU, src, dst, second, layer, ModelShape.EXPERTS, ModelShape.DIM,
                ModelShape.EXPERT_HIDDEN, block));
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

    /**
     * The M3ViT backbone: EMBED; per layer x += proj(attn(qkv(LN1 x))) and x += FFN(LN2 x) (dense MLP on even
     * layers, gate + experts on odd ones); STORE of the residual stream; END.
     */
    public static ProgramBuilder m3vit(WeightLayout layout, int layers) {
        int d = ModelShape.DIM;
        ProgramBuilder p = new ProgramBuilder(layout, ModelShape.TOKENS);
        p.embed("embed");
        for (int l = 0; l < layers; l++) {
            String n = "l" + l + ".";
            p.layerNorm(l, Buf.RES, Buf.LNO, n + "norm1");
            p.linear(l, BIAS | ATTN_BIAS, Buf.LNO, Buf.QKV, d, 3 * d, n + "qkv");
            p.attention(l, Buf.QKV, Buf.ATT, ModelShape.HEADS);
            p.linear(l, BIAS | ATTN_BIAS | RESID, Buf.ATT, Buf.RES, d, d, n + "proj");
            p.layerNorm(l, Buf.RES, Buf.LNO, n + "norm2");
            if (l % 2 == 0) {
                p.linear(l, BIAS | GELU, Buf.LNO, Buf.HID, d, ModelShape.MLP_HIDDEN, n + "fc1");
                p.linear(l, BIAS | RESID, Buf.HID, Buf.RES, ModelShape.MLP_HIDDEN, d, n + "fc2");
            } else {
                p.gate(l, Buf.LNO, n + "gate");
                p.experts(l, Buf.LNO, Buf.RES, Buf.SEC, n + "experts");
            }
        }
        p.store(Buf.RES, d);
        p.end();
        return p;
    }
}
