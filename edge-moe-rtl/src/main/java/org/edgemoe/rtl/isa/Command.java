package org.edgemoe.rtl.isa;

/**
 * One command of a program, as the host writes it: 32 bytes in DDR ({@link CommandCodec}). Sizes are in values
 * (elements), weight offsets and byte counts relative to WEIGHTS_ADDR. A command reads up to two weight blocks:
 * block A ({@code weightOffset}, {@code weightBytes}) and block B ({@code weight2Offset}, {@code weight2Bytes};
 * LAYERNORM: gamma and beta, EMBED: the patch weights and pos_embed, EXPERTS: an expert's FC1 and FC2). {@code count}
 * is the number of heads (ATTENTION) or experts (EXPERTS); {@code weightStride} the bytes between experts (both
 * blocks, EXPERTS) or between the two tasks' gate matrices (GATE with TASK_SEL). {@code layer} only labels the
 * command (profiling, errors).
 */
public record Command(Opcode opcode, int flags, Buf src, Buf dst, Buf aux, int layer, int count,
        int inSize, int outSize, int tokens, long weightOffset, long weightBytes, long weightStride,
        long weight2Offset, long weight2Bytes) {

    /** Bias row before each output tile's weights. */
    public static final int BIAS = 0x01;
    /** Bias in the attention format (Q/K/V/proj) instead of the MLP one. */
    public static final int ATTN_BIAS = 0x02;
    /** GELU fused on the outputs. */
    public static final int GELU = 0x04;
    /** Outputs added into the destination (the residual stream) instead of written. */
    public static final int RESID = 0x08;
    /** The weight block is at {@code weightOffset + TASK * weightStride} (GATE). */
    public static final int TASK_SEL = 0x10;
    /** Every defined flag bit. */
    public static final int ALL_FLAGS = BIAS | ATTN_BIAS | GELU | RESID | TASK_SEL;

    public Command {
        if (opcode == null) {
            throw new IllegalArgumentException("a command needs an opcode");
        }
        src = src == null ? Buf.RES : src;
        dst = dst == null ? Buf.RES : dst;
        aux = aux == null ? Buf.RES : aux;
        check(flags, 8, "flags");
        check(layer, 8, "layer");
        check(count, 8, "count");
        check(inSize, 16, "inSize");
        check(outSize, 16, "outSize");
        check(tokens, 16, "tokens");
        check(weightOffset, 32, "weightOffset");
        check(weightBytes, 32, "weightBytes");
        check(weightStride, 32, "weightStride");
        check(weight2Offset, 32, "weight2Offset");
        check(weight2Bytes, 32, "weight2Bytes");
    }

    /** A command with one weight block (no block B). */
    public Command(Opcode opcode, int flags, Buf src, Buf dst, Buf aux, int layer, int count,
            int inSize, int outSize, int tokens, long weightOffset, long weightBytes, long weightStride) {
        this(opcode, flags, src, dst, aux, layer, count, inSize, outSize, tokens, weightOffset, weightBytes, weightStride, 0, 0);
    }

    private static void check(long v, int bits, String what) {
        if (v < 0 || v >= 1L << bits) {
            throw new IllegalArgumentException(what + " " + v + " does not fit its " + bits + "-bit field");
        }
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** A command with no operands (BARRIER, END). */
    public static Command of(Opcode op) {
        return new Command(op, 0, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Whether the opcode streams a weight block from DDR. */
    public static boolean readsWeights(Opcode op) {
        return switch (op) {
            case EMBED, LAYERNORM, LINEAR, GATE, EXPERTS, PREFETCH -> true;
            default -> false;
        };
    }
}
