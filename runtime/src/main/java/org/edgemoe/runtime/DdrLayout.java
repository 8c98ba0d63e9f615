package org.edgemoe.runtime;

/**
 * Where the driver puts things in the DMA buffer (bus addresses). The standard layout, the same in the C driver
 * ({@code EDGEMOE_DDR_*} in edgemoe.h): the program at the buffer's start (64 KiB, 2048 commands), the input
 * image at +64 KiB (128 KiB; it takes 96 KiB), the output features at +192 KiB (192 KiB: 256 tokens x 192 values
 * x 4 bytes), the weight image at +384 KiB to the end. Every region is 4 KB aligned.
 */
public record DdrLayout(long programAddr, long programBytes, long inputAddr, long inputBytes, long outputAddr,
        long outputBytes, long weightsAddr, long weightsBytes) {

    public static final long PROGRAM_OFFSET = 0x0_0000;
    public static final long PROGRAM_BYTES = 0x1_0000;
    public static final long INPUT_OFFSET = 0x1_0000;
    public static final long INPUT_BYTES = 0x2_0000;
    public static final long OUTPUT_OFFSET = 0x3_0000;
    public static final long OUTPUT_BYTES = 0x3_0000;
    public static final long WEIGHTS_OFFSET = 0x6_0000;
    /** The accelerator's AXI masters drive 32-bit addresses. */
    public static final long ADDRESS_LIMIT = 1L << 32;

    public DdrLayout {
        long[][] regions = {{programAddr, programBytes}, {inputAddr, inputBytes}, {outputAddr, outputBytes}, {weightsAddr, weightsBytes}};
        for (long[] r : regions) {
            if (r[0] < 0 || r[1] <= 0 || r[0] % 4096 != 0 || r[0] + r[1] > ADDRESS_LIMIT) {
                throw new IllegalArgumentException(String.format("DMA layout region at 0x%x of %d bytes: must be 4 KB aligned, "
                        + "not empty and below 4 GB (the accelerator drives 32-bit addresses)", r[0], r[1]));
            }
        }
    }

    /** The standard layout in a buffer at bus address {@code base} of {@code size} bytes. */
    public static DdrLayout standard(long base, long size) {
        if (base % 4096 != 0) {
            throw new IllegalArgumentException(String.format("DMA buffer at 0x%x: must be 4 KB aligned", base));
        }
        if (base + size > ADDRESS_LIMIT) {
            throw new IllegalArgumentException(String.format("DMA buffer [0x%x, 0x%x) reaches past 4 GB: the accelerator drives "
                    + "32-bit addresses; allocate it in the low 4 GB (e.g. a CMA or reserved-memory region there)", base, base + size));
        }
        if (size <= WEIGHTS_OFFSET) {
            throw new IllegalArgumentException("DMA buffer of " + size + " bytes: the layout needs more than " + WEIGHTS_OFFSET
                    + " bytes before the weights (program, input, output regions)");
        }
        return new DdrLayout(base + PROGRAM_OFFSET, PROGRAM_BYTES, base + INPUT_OFFSET, INPUT_BYTES, base + OUTPUT_OFFSET, OUTPUT_BYTES,
                base + WEIGHTS_OFFSET, size - WEIGHTS_OFFSET);
    }

    /** Buffer bytes the standard layout needs for a weight image of {@code weightBytes}. */
    public static long bufferBytesFor(long weightBytes) {
        return WEIGHTS_OFFSET + weightBytes;
    }
}
