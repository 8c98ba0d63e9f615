package org.edgemoe.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads one raw little-endian float32 tensor, checking the file size against its shape. */
public final class TensorFile {

    private TensorFile() {
    }

    /** Reads {@code folder/name.float32.bin}, row-major, widened to double. */
    public static double[] read(Path folder, String name, int... shape) {
        return readFile(folder.resolve(name + ".float32.bin"), shape);
    }

    /** Reads one float32 file of the given shape, row-major, widened to double. */
    public static double[] readFile(Path file, int... shape) {
        long elements = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        long expectedBytes = elements * Float.BYTES;
        if (!Files.isRegularFile(file)) {
            throw new WeightFileException("missing weight file " + file + ": expected " + expectedBytes
                    + " bytes (shape " + Arrays.toString(shape) + "), found no file");
        }
        try {
            long size = Files.size(file);
            if (size != expectedBytes) {
                throw new WeightFileException("weight file " + file + " has the wrong size: expected "
                        + expectedBytes + " bytes (shape " + Arrays.toString(shape) + "), found " + size + " bytes");
            }
            FloatBuffer floats = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            double[] out = new double[(int) elements];
            for (int i = 0; i < out.length; i++) {
                out[i] = floats.get(i);
            }
            return out;
        } catch (IOException e) {
            throw new WeightFileException("cannot read weight file " + file + ": " + e.getMessage(), e);
        }
    }
}
