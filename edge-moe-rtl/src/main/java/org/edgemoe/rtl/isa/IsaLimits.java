package org.edgemoe.rtl.isa;

/**
 * What the hardware can do, for the size checks of the command decoder (and their Java twin,
 * {@link CommandCodec#check}): tokens 1..maxTokens; in sizes multiples of {@code rows} up to {@code maxIn}, out
 * sizes multiples of {@code cols} up to {@code maxOut} (the compute unit's tiling); heads 1..maxHeads; experts
 * 1..maxExperts; tasks (gate matrices) 1..tasks.
 */
public record IsaLimits(int maxTokens, int rows, int cols, int maxIn, int maxOut, int maxHeads, int maxExperts, int tasks) {
    public IsaLimits {
        if (Integer.bitCount(rows) != 1 || Integer.bitCount(cols) != 1) {
            throw new IllegalArgumentException("rows and cols must be powers of two, were " + rows + ", " + cols);
        }
        if (maxTokens < 1 || maxIn < rows || maxOut < cols || maxHeads < 1 || maxExperts < 1 || tasks < 1
                || maxTokens > 0xFFFF || maxIn > 0xFFFF || maxOut > 0xFFFF || maxHeads > 255 || maxExperts > 255) {
            throw new IllegalArgumentException("ISA limits out of range: " + this);
        }
    }

    /** The default accelerator: the 16 x 16 compute unit (sizes up to 768, 256 tokens), 3 heads (up to 4), 16 experts, 2 tasks. */
    public static IsaLimits defaults() {
        return new IsaLimits(256, 16, 16, 768, 768, 4, 16, 2);
    }
}
