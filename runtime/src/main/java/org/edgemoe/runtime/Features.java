package org.edgemoe.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * The output features of a run as the accelerator wrote them to OUTPUT_ADDR: {@code tokens x values} raw values in
 * the profile's resid format, token-major, 4 bytes each (sign-extended int32, little-endian). {@link #toFloat()}
 * converts them (raw x 2^-fracBits, exact in double, rounded to nearest float); {@link #writeNpy} stores them as a
 * NumPy {@code .npy} file, float32 {@code [tokens][values]}.
 */
public final class Features {
    public static final int BYTES_PER_VALUE = 4;

    private final int tokens;
    private final int values;
    private final int[] raw;
    private final FixFormat format;

    public Features(int tokens, int values, int[] raw, FixFormat format) {
        if (tokens < 0 || values < 0 || raw.length != (long) tokens * values) {
            throw new IllegalArgumentException("features of " + tokens + " x " + values + " need " + (long) tokens * values
                    + " values, found " + raw.length);
        }
        if (format.width() > 32) {
            throw new IllegalArgumentException("resid format " + format + " is wider than the 32-bit output words");
        }
        this.tokens = tokens;
        this.values = values;
        this.raw = raw.clone();
        this.format = format;
    }

    /** Features from the accelerator's output bytes (token-major int32 little-endian). */
    public static Features fromBytes(byte[] bytes, int tokens, int values, FixFormat format) {
        long need = (long) tokens * values * BYTES_PER_VALUE;
        if (bytes.length != need) {
            throw new IllegalArgumentException("output of " + tokens + " x " + values + " values is " + need + " bytes, found " + bytes.length);
        }
        int[] r = new int[tokens * values];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(r);
        return new Features(tokens, values, r, format);
    }

    public int tokens() {
        return tokens;
    }

    public int values() {
        return values;
    }

    public FixFormat format() {
        return format;
    }

    /** The raw value of token {@code t}, value {@code c}. */
    public int raw(int t, int c) {
        return raw[t * values + c];
    }

    /** All raw values, token-major (a copy). */
    public int[] raw() {
        return raw.clone();
    }

    /** Raw values as [token][value] longs (the golden model's {@code long[][]} shape). */
    public long[][] rawRows() {
        long[][] out = new long[tokens][values];
        for (int t = 0; t < tokens; t++) {
            for (int c = 0; c < values; c++) {
                out[t][c] = raw[t * values + c];
            }
        }
        return out;
    }

    /** The value of token {@code t}, value {@code c}: raw x 2^-fracBits. */
    public double value(int t, int c) {
        return raw(t, c) * format.lsb();
    }

    /** Every value as float32, token-major. */
    public float[] toFloat() {
        float[] f = new float[raw.length];
        double lsb = format.lsb();
        for (int i = 0; i < raw.length; i++) {
            f[i] = (float) (raw[i] * lsb);
        }
        return f;
    }

    /** The {@code .npy} bytes: float32 [tokens][values] (or int32 raw values with {@code raw}), little-endian, C order. */
    public byte[] npy(boolean rawValues) {
        String header = "{'descr': '" + (rawValues ? "<i4" : "<f4") + "', 'fortran_order': False, 'shape': (" + tokens + ", " + values + "), }";
        int unpadded = 10 + header.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + raw.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        if (rawValues) {
            for (int v : raw) {
                b.putInt(v);
            }
        } else {
            for (float v : toFloat()) {
                b.putFloat(v);
            }
        }
        return b.array();
    }

    /** Writes {@link #npy} atomically (a temporary file renamed into place: no partial file after an error). */
    public void writeNpy(Path file, boolean rawValues) {
        byte[] data = npy(rawValues);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, data);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the features: " + e.getMessage(), e);
        }
    }
}
