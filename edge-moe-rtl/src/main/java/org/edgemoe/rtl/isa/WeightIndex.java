package org.edgemoe.rtl.isa;

/**
 * Where the tensors of a weight image lie, in bytes from its start (WEIGHTS_ADDR): what the {@link ProgramBuilder}
 * reads its weight offsets from. The runtime's packed weight image is one (the real layout); tests may use a
 * synthetic one with the same tensor names.
 */
public interface WeightIndex {
    /** One tensor's place in the image. */
    record Block(long offset, long bytes) { }

    /** The tensor's block; throws {@link IllegalArgumentException} naming the tensor when the image has none. */
    Block block(String tensor);

    /** Bytes of the whole image (the WEIGHTS_SIZE register). */
    long size();
}
