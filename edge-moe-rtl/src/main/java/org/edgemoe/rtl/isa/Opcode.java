package org.edgemoe.rtl.isa;

/**
 * The accelerator's commands (docs/accelerator.md, "Instruction set"). Code 0 is not a command, so a program
 * area never written (zeros) stops with {@link ErrorCode#BAD_OPCODE} at its first word.
 */
public enum Opcode {
    /** Patch embedding of the input image (INPUT_ADDR) into the residual stream, plus CLS and pos_embed. */
    EMBED(0x01),
    /** LayerNorm of {@code src} into {@code dst} (gamma, beta at the weight offset). */
    LAYERNORM(0x02),
    /** A linear layer {@code dst = W src + b} on the compute unit; flags BIAS, ATTN_BIAS, GELU, RESID. */
    LINEAR(0x03),
    /** Multi-head attention over Q, K, V in {@code src}, rows into {@code dst}; {@code count} heads. */
    ATTENTION(0x04),
    /** The MoE gate on {@code src}: top-2 routing into the per-expert queues; TASK_SEL picks the task's matrix. */
    GATE(0x05),
    /** The expert loop over the non-empty experts: FC1 (GELU) then FC2 scale-accumulated into {@code dst} / {@code aux}. */
    EXPERTS(0x06),
    /** Writes {@code tokens x outSize} values of {@code src} to OUTPUT_ADDR. */
    STORE(0x07),
    /** Waits until every unit is idle (orders commands that would otherwise overlap). */
    BARRIER(0x08),
    /**
     * Reads an MoE layer's expert blocks ahead (the fields of the EXPERTS it precedes: {@code count} experts, FC1 as
     * block A, FC2 as block B, at + e x stride) into the expert buffer, while the commands between run; taken while
     * the previous command runs. A hint: EXPERTS reads its blocks itself when no PREFETCH (or another one) came first.
     */
    PREFETCH(0x09),
    /** The program's end: waits for the units, then DONE and the interrupt. */
    END(0x0F);

    public final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The opcode of {@code code}, or null for an unknown one. */
    public static Opcode of(int code) {
        for (Opcode o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        return null;
    }
}
