package org.edgemoe.rtl.perf;

import java.util.List;

/**
 * One command of an image's program as the cycle model sees it (the accelerator's instruction set, docs/accelerator.md):
 * its kind, sizes in values, token count, {@code count} (heads of ATTENTION), the weight bytes it streams from DDR, the
 * other bytes it reads (the input image) or writes (the output features), and for EXPERTS each expert's token count
 * (0 for an inactive expert, whose weights are not read).
 */
public record Op(Kind kind, String name, int in, int out, int tokens, int count, long weightBytes, long readBytes, long writeBytes,
                 List<Integer> expertTokens) {

    public enum Kind { EMBED, LAYERNORM, LINEAR, ATTENTION, GATE, EXPERTS, STORE }

    public Op {
        if (in < 0 || out < 0 || tokens < 0 || count < 0 || weightBytes < 0 || readBytes < 0 || writeBytes < 0) {
            throw new IllegalArgumentException("negative size in " + name);
        }
        expertTokens = List.copyOf(expertTokens);
    }

    public static Op linear(String name, int in, int out, int tokens) {
        return new Op(Kind.LINEAR, name, in, out, tokens, 0, linearWeightBytes(in, out), 0, 0, List.of());
    }

    /** 16-bit weights and one 16-bit bias per output (the compute unit's weight stream). */
    public static long linearWeightBytes(int in, int out) {
        return 2L * ((long) in * out + out);
    }

    /** Weight bytes read by an EXPERTS command: FC1 and FC2 of every active expert. */
    public long activeExpertBytes() {
        return expertTokens.stream().filter(n -> n > 0).count() * weightBytes;
    }

    /** All DDR bytes of the command. */
    public long ddrBytes() {
        return (kind == Kind.EXPERTS ? activeExpertBytes() : weightBytes) + readBytes + writeBytes;
    }
}
