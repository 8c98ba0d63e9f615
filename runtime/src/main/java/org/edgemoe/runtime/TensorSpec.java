package org.edgemoe.runtime;

import java.util.Arrays;
import java.util.Objects;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * What one tensor of a weight image must be: its name, logical shape, element format and layout. A
 * {@link TensorLayout#CU_STREAM} tensor of shape [out][in] with {@code biasFormat} non-null also holds one
 * bias row per output tile, so it has out * in + out elements; otherwise the element count is the product
 * of the shape.
 */
public record TensorSpec(String name, int[] shape, FixFormat format, FixFormat biasFormat, TensorLayout layout) {

    public TensorSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(format);
        Objects.requireNonNull(layout);
        shape = shape.clone();
        if (name.isEmpty() || name.length() >= WeightImage.NAME_BYTES || !name.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("tensor name must be 1.." + (WeightImage.NAME_BYTES - 1)
                    + " printable ASCII characters without spaces: '" + name + "'");
        }
        if (shape.length < 1 || shape.length > WeightImage.MAX_RANK || Arrays.stream(shape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(name + ": shape must have 1.." + WeightImage.MAX_RANK + " positive dimensions: "
                    + Arrays.toString(shape));
        }
        if (layout == TensorLayout.CU_STREAM && shape.length != 2) {
            throw new IllegalArgumentException(name + ": a CU_STREAM tensor is an [out][in] matrix");
        }
        if (biasFormat != null && (layout != TensorLayout.CU_STREAM || biasFormat.width() != format.width()
                || biasFormat.signed() != format.signed())) {
            throw new IllegalArgumentException(name + ": a bias format needs a CU_STREAM tensor and the weights' width and signedness");
        }
    }

    public static TensorSpec rowMajor(String name, FixFormat format, int... shape) {
        return new TensorSpec(name, shape, format, null, TensorLayout.ROW_MAJOR);
    }

    public static TensorSpec cuStream(String name, FixFormat format, FixFormat biasFormat, int out, int in) {
        return new TensorSpec(name, new int[] {out, in}, format, biasFormat, TensorLayout.CU_STREAM);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int elements() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (biasFormat != null) {
            n += shape[0];
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": too many elements " + n);
        }
        return (int) n;
    }

    /** Bytes per element in the image: the format's width rounded up to 1, 2, 4 or 8 bytes. */
    public int elementBytes() {
        return WeightImage.elementBytes(format);
    }

    public long bytes() {
        return (long) elements() * elementBytes();
    }

    public String shapeText() {
        StringBuilder b = new StringBuilder();
        for (int d : shape) {
            b.append('[').append(d).append(']');
        }
        return b + (biasFormat != null ? " + bias" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape) && format.equals(t.format)
                && Objects.equals(biasFormat, t.biasFormat) && layout == t.layout;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), format, biasFormat, layout);
    }

    @Override
    public String toString() {
        return name + " " + shapeText() + " " + format + (biasFormat != null ? " (bias " + biasFormat + ")" : "") + " " + layout;
    }
}
