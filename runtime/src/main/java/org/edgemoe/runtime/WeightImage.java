package org.edgemoe.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * The DDR image of a model's weights, exactly as the accelerator reads it. Layout (little-endian):
 *
 * <pre>
 * 0    magic "EMOEWIMG"          8 bytes
 * 8    layout version           u32   (VERSION)
 * 12   header bytes             u32   (40 + 128 * tensors)
 * 16   configuration hash       u64   ({@link ImageConfig#hash()})
 * 24   image bytes              u64   (the whole file)
 * 32   tensor count             u32
 * 36   header CRC-32            u32   (over the header bytes with this field zero)
 * 40   tensor table, 128 bytes per tensor:
 *        0   name, ASCII, NUL padded          64
 *        64  offset (a multiple of 4096)      u64
 *        72  bytes                            u64
 *        80  elements                         u32
 *        84  signed, element bytes, layout    u8, u8, u8
 *        87  rank                             u8
 *        88  int bits, frac bits              i16, i16
 *        92  bias int bits, frac bits         i16, i16 (0x7fff when none)
 *        96  dims[4]                          u32 x 4
 *        112 data CRC-32                      u32
 *        116 reserved, zero                   12
 * then each tensor at a 4 KB-aligned offset, elements little-endian two's complement, 1/2/4/8 bytes each.
 * </pre>
 *
 * A 4 KB alignment lets the accelerator's AXI masters read every tensor with full bursts that never cross a
 * 4 KB boundary part-way through a tensor's first burst.
 */
public final class WeightImage {
    public static final byte[] MAGIC = "EMOEWIMG".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int ALIGN = 4096;
    public static final int FIXED_HEADER = 40;
    public static final int ENTRY_BYTES = 128;
    public static final int NAME_BYTES = 64;
    public static final int MAX_RANK = 4;
    private static final short NO_BIAS = 0x7fff;

    /** One entry of the tensor table. */
    public record Tensor(TensorSpec spec, long offset, long bytes, int crc) {
        public String name() {
            return spec.name();
        }
    }

    private final long configHash;
    private final Map<String, Tensor> tensors;
    private final byte[] bytes;

    private WeightImage(long configHash, Map<String, Tensor> tensors, byte[] bytes) {
        this.configHash = configHash;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.bytes = bytes;
    }

    public static Builder builder(ImageConfig config) {
        return new Builder(config.hash());
    }

    public long configHash() {
        return configHash;
    }

    /** Tensors in image order. */
    public List<Tensor> tensors() {
        return new ArrayList<>(tensors.values());
    }

    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in the weight image");
        }
        return t;
    }

    /** The tensor table as the program builder reads it: offsets and bytes from the image's start (WEIGHTS_ADDR). */
    public org.edgemoe.rtl.isa.WeightIndex index() {
        return new org.edgemoe.rtl.isa.WeightIndex() {
            @Override
            public Block block(String tensor) {
                Tensor t = tensors.get(tensor);
                if (t == null) {
                    throw new IllegalArgumentException("no tensor '" + tensor + "' in the weight image");
                }
                return new Block(t.offset(), t.bytes());
            }

            @Override
            public long size() {
                return bytes.length;
            }
        };
    }

    /** The whole image, as it goes into DDR (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** A tensor's raw values, sign-extended (signed formats) from the element width. */
    public long[] raw(String name) {
        Tensor t = tensor(name);
        int eb = t.spec().elementBytes();
        int n = t.spec().elements();
        long[] out = new long[n];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        FixFormat f = t.spec().format();
        for (int i = 0; i < n; i++) {
            int at = (int) (t.offset() + (long) i * eb);
            long v = switch (eb) {
                case 1 -> b.get(at) & 0xffL;
                case 2 -> b.getShort(at) & 0xffffL;
                case 4 -> b.getInt(at) & 0xffffffffL;
                default -> b.getLong(at);
            };
            int w = f.width();
            if (w < 64) {
                v &= (1L << w) - 1;
                if (f.signed() && ((v >>> (w - 1)) & 1) != 0) {
                    v |= -1L << w;
                }
            }
            out[i] = v;
        }
        return out;
    }

    /** Writes the image atomically (a temporary file renamed into place): no partial file after an error. */
    public void write(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new WeightImageException(file, "cannot write: " + e.getMessage());
        }
    }

    /**
     * Reads and checks an image: magic, layout version, configuration, header CRC, the tensor table against
     * {@code expected} (names, order, shapes, formats, layouts, sizes), offsets and sizes within the file,
     * and every tensor's CRC. Any mismatch is a {@link WeightImageException} naming the file, the expected
     * and the found value.
     */
    public static WeightImage read(Path file, ImageConfig config, List<TensorSpec> expected) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WeightImageException(file, "no such file");
        } catch (IOException e) {
            throw new WeightImageException(file, "cannot read: " + e.getMessage());
        }
        return parse(file, data, config, expected);
    }

    /** {@link #read} on bytes already in memory ({@code file} names them in messages). */
    public static WeightImage parse(Path file, byte[] data, ImageConfig config, List<TensorSpec> expected) {
        if (data.length < FIXED_HEADER) {
            throw new WeightImageException(file, "too short for a weight image header: expected at least " + FIXED_HEADER
                    + " bytes, found " + data.length);
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        b.get(0, magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new WeightImageException(file, "not a weight image: expected magic " + printable(MAGIC) + ", found " + printable(magic));
        }
        int version = b.getInt(8);
        if (version != VERSION) {
            throw new WeightImageException(file, "layout version: expected " + VERSION + ", found " + version);
        }
        long hash = b.getLong(16);
        if (hash != config.hash()) {
            throw new WeightImageException(file, String.format("packed for another configuration: expected hash %016x (%s), found %016x;"
                    + " pack it again for this configuration", config.hash(), config.formats().name() + " "
                    + config.cuRows() + "x" + config.cuCols(), hash));
        }
        int count = b.getInt(32);
        long headerBytes = FIXED_HEADER + (long) ENTRY_BYTES * Math.max(0, count);
        if (count < 0 || b.getInt(12) != headerBytes || headerBytes > data.length) {
            throw new WeightImageException(file, "header size: expected " + headerBytes + " bytes for " + count
                    + " tensors within a file of " + data.length + " bytes, found " + Integer.toUnsignedString(b.getInt(12)));
        }
        long imageBytes = b.getLong(24);
        if (imageBytes != data.length) {
            throw new WeightImageException(file, "file size: expected " + imageBytes + " bytes (from the header), found " + data.length);
        }
        int crc = b.getInt(36);
        int actualCrc = headerCrc(data, (int) headerBytes);
        if (crc != actualCrc) {
            throw new WeightImageException(file, String.format("header CRC-32: expected %08x, found %08x (the header is corrupt)", crc, actualCrc));
        }
        if (count != expected.size()) {
            throw new WeightImageException(file, "tensor count: expected " + expected.size() + ", found " + count);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Tensor t = entry(file, b, FIXED_HEADER + i * ENTRY_BYTES);
            TensorSpec want = expected.get(i);
            if (!t.spec().equals(want)) {
                throw new WeightImageException(file, "tensor " + i + ": expected " + want + ", found " + t.spec());
            }
            if (t.bytes() != want.bytes()) {
                throw new WeightImageException(file, "tensor " + want.name() + " size: expected " + want.bytes() + " bytes, found " + t.bytes());
            }
            if (t.offset() % ALIGN != 0 || t.offset() < headerBytes || t.offset() + t.bytes() > data.length) {
                throw new WeightImageException(file, "tensor " + want.name() + " at offset " + t.offset() + " (" + t.bytes()
                        + " bytes): expected a 4096-aligned range after the header within the file's " + data.length + " bytes");
            }
            CRC32 c = new CRC32();
            c.update(data, (int) t.offset(), (int) t.bytes());
            if ((int) c.getValue() != t.crc()) {
                throw new WeightImageException(file, String.format("tensor %s CRC-32: expected %08x, found %08x (its data is corrupt)",
                        want.name(), t.crc(), (int) c.getValue()));
            }
            tensors.put(want.name(), t);
        }
        return new WeightImage(hash, tensors, data);
    }

    private static Tensor entry(Path file, ByteBuffer b, int at) {
        byte[] nameBytes = new byte[NAME_BYTES];
        b.get(at, nameBytes);
        int len = 0;
        while (len < NAME_BYTES && nameBytes[len] != 0) {
            len++;
        }
        String name = new String(nameBytes, 0, len, StandardCharsets.US_ASCII);
        long offset = b.getLong(at + 64);
        long bytes = b.getLong(at + 72);
        boolean signed = b.get(at + 84) != 0;
        int layoutCode = b.get(at + 86) & 0xff;
        int rank = b.get(at + 87) & 0xff;
        short ib = b.getShort(at + 88);
        short fb = b.getShort(at + 90);
        short bib = b.getShort(at + 92);
        short bfb = b.getShort(at + 94);
        if (rank < 1 || rank > MAX_RANK || layoutCode >= TensorLayout.values().length || ib + fb < 1) {
            throw new WeightImageException(file, "tensor table entry '" + name + "' is malformed (rank " + rank + ", layout "
                    + layoutCode + ", format " + ib + "." + fb + ")");
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = b.getInt(at + 96 + 4 * d);
        }
        try {
            FixFormat f = new FixFormat(signed, ib, fb);
            FixFormat bias = bib == NO_BIAS ? null : new FixFormat(signed, bib, bfb);
            TensorSpec spec = new TensorSpec(name, dims, f, bias, TensorLayout.values()[layoutCode]);
            return new Tensor(spec, offset, bytes, b.getInt(at + 112));
        } catch (IllegalArgumentException e) {
            throw new WeightImageException(file, "tensor table entry '" + name + "' is malformed: " + e.getMessage());
        }
    }

    private static int headerCrc(byte[] data, int headerBytes) {
        CRC32 c = new CRC32();
        c.update(data, 0, 36);
        c.update(new byte[4]);
        c.update(data, 40, headerBytes - 40);
        return (int) c.getValue();
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder("\"");
        for (byte x : b) {
            s.append(x >= 32 && x < 127 ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xff));
        }
        return s.append('"').toString();
    }

    /** Bytes per stored element: the format's width rounded up to 1, 2, 4 or 8. */
    static int elementBytes(FixFormat f) {
        int w = f.width();
        if (w > 64) {
            throw new IllegalArgumentException("format " + f + " is wider than 64 bits");
        }
        return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : 8;
    }

    static long align(long v) {
        return (v + ALIGN - 1) / ALIGN * ALIGN;
    }

    /** Collects tensors, then lays them out ({@link #build()}). */
    public static final class Builder {
        private final long configHash;
        private final List<TensorSpec> specs = new ArrayList<>();
        private final List<long[]> values = new ArrayList<>();

        private Builder(long configHash) {
            this.configHash = configHash;
        }

        /** Adds a tensor; every raw value must fit the spec's format (bias rows: the bias format). */
        public Builder add(TensorSpec spec, long[] raw) {
            if (raw.length != spec.elements()) {
                throw new IllegalArgumentException("tensor " + spec.name() + " " + spec.shapeText() + ": expected " + spec.elements()
                        + " values, found " + raw.length);
            }
            if (specs.stream().anyMatch(s -> s.name().equals(spec.name()))) {
                throw new IllegalArgumentException("tensor " + spec.name() + " added twice");
            }
            long min = spec.format().minRaw().longValue();
            long max = spec.format().maxRaw().longValue();
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] < min || raw[i] > max) {
                    throw new IllegalArgumentException("tensor " + spec.name() + " element " + i + ": raw " + raw[i]
                            + " does not fit " + spec.format());
                }
            }
            specs.add(spec);
            values.add(raw.clone());
            return this;
        }

        public WeightImage build() {
            int headerBytes = FIXED_HEADER + ENTRY_BYTES * specs.size();
            long[] offsets = new long[specs.size()];
            long end = align(headerBytes);
            for (int i = 0; i < specs.size(); i++) {
                offsets[i] = end;
                end = align(end + specs.get(i).bytes());
            }
            if (end > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("weight image of " + end + " bytes is larger than 2 GB");
            }
            byte[] data = new byte[(int) end];
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            b.put(0, MAGIC);
            b.putInt(8, VERSION);
            b.putInt(12, headerBytes);
            b.putLong(16, configHash);
            b.putLong(24, end);
            b.putInt(32, specs.size());
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                TensorSpec s = specs.get(i);
                long[] v = values.get(i);
                int eb = s.elementBytes();
                for (int k = 0; k < v.length; k++) {
                    int at = (int) (offsets[i] + (long) k * eb);
                    switch (eb) {
                        case 1 -> b.put(at, (byte) v[k]);
                        case 2 -> b.putShort(at, (short) v[k]);
                        case 4 -> b.putInt(at, (int) v[k]);
                        default -> b.putLong(at, v[k]);
                    }
                }
                CRC32 c = new CRC32();
                c.update(data, (int) offsets[i], (int) s.bytes());
                int crc = (int) c.getValue();
                int e = FIXED_HEADER + i * ENTRY_BYTES;
                byte[] name = s.name().getBytes(StandardCharsets.US_ASCII);
                b.put(e, name);
                b.putLong(e + 64, offsets[i]);
                b.putLong(e + 72, s.bytes());
                b.putInt(e + 80, s.elements());
                b.put(e + 84, (byte) (s.format().signed() ? 1 : 0));
                b.put(e + 85, (byte) eb);
                b.put(e + 86, (byte) s.layout().ordinal());
                b.put(e + 87, (byte) s.shape().length);
                b.putShort(e + 88, (short) s.format().intBits());
                b.putShort(e + 90, (short) s.format().fracBits());
                b.putShort(e + 92, s.biasFormat() == null ? NO_BIAS : (short) s.biasFormat().intBits());
                b.putShort(e + 94, s.biasFormat() == null ? NO_BIAS : (short) s.biasFormat().fracBits());
                int[] dims = s.shape();
                for (int d = 0; d < dims.length; d++) {
                    b.putInt(e + 96 + 4 * d, dims[d]);
                }
                b.putInt(e + 112, crc);
                tensors.put(s.name(), new Tensor(s, offsets[i], s.bytes(), crc));
            }
            b.putInt(36, headerCrc(data, headerBytes));
            return new WeightImage(configHash, tensors, data);
        }
    }
}
