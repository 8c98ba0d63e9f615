package org.edgemoe.rtl.isa;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The 32-byte command word (two 128-bit beats, little-endian):
 * <pre>
 * byte  0      opcode          byte  8-9   inSize        byte 16-19  weightOffset
 * byte  1      flags           byte 10-11  outSize       byte 20-23  weightBytes
 * byte  2      src | dst << 4  byte 12-15  weight2Bytes  byte 24-27  weightStride
 * byte  3      aux (low 4)                               byte 28-31  weight2Offset
 * byte  4      layer
 * byte  5      count
 * byte  6-7    tokens
 * </pre>
 * Reserved bits must be zero. {@link #check} is the decoder's validation in Java: what error code a command
 * would stop the hardware with.
 */
public final class CommandCodec {
    public static final int BYTES = 32;

    private CommandCodec() { }

    public static byte[] encode(Command c) {
        ByteBuffer b = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) c.opcode().code);
        b.put(1, (byte) c.flags());
        b.put(2, (byte) (c.src().id | c.dst().id << 4));
        b.put(3, (byte) c.aux().id);
        b.put(4, (byte) c.layer());
        b.put(5, (byte) c.count());
        b.putShort(8, (short) c.inSize());
        b.putShort(10, (short) c.outSize());
        b.putShort(6, (short) c.tokens());
        b.putInt(12, (int) c.weight2Bytes());
        b.putInt(16, (int) c.weightOffset());
        b.putInt(20, (int) c.weightBytes());
        b.putInt(24, (int) c.weightStride());
        b.putInt(28, (int) c.weight2Offset());
        return b.array();
    }

    public static byte[] encode(List<Command> program) {
        byte[] out = new byte[program.size() * BYTES];
        for (int i = 0; i < program.size(); i++) {
            System.arraycopy(encode(program.get(i)), 0, out, i * BYTES, BYTES);
        }
        return out;
    }

    /** The raw fields of a command word, unchecked (the decoder's view). */
    public record Raw(int opcode, int flags, int src, int dst, int aux, int layer, int count, int inSize, int outSize,
            int tokens, long weightOffset, long weightBytes, long weightStride, long weight2Offset, long weight2Bytes,
            boolean reservedZero) { }

    public static Raw raw(byte[] word, int offset) {
        ByteBuffer b = ByteBuffer.wrap(word, offset, BYTES).slice().order(ByteOrder.LITTLE_ENDIAN);
        boolean reservedZero = (b.get(3) & 0xF0) == 0;
        return new Raw(b.get(0) & 0xFF, b.get(1) & 0xFF, b.get(2) & 0xF, (b.get(2) >> 4) & 0xF, b.get(3) & 0xF, b.get(4) & 0xFF,
                b.get(5) & 0xFF, b.getShort(8) & 0xFFFF, b.getShort(10) & 0xFFFF, b.getShort(6) & 0xFFFF,
                b.getInt(16) & 0xFFFFFFFFL, b.getInt(20) & 0xFFFFFFFFL, b.getInt(24) & 0xFFFFFFFFL,
                b.getInt(28) & 0xFFFFFFFFL, b.getInt(12) & 0xFFFFFFFFL, reservedZero);
    }

    /** Decodes a word; throws {@link IllegalArgumentException} naming the error code when it is not a valid command. */
    public static Command decode(byte[] word, int offset) {
        Raw r = raw(word, offset);
        Opcode op = Opcode.of(r.opcode());
        if (op == null) {
            throw new IllegalArgumentException(ErrorCode.BAD_OPCODE + ": opcode 0x" + Integer.toHexString(r.opcode()));
        }
        if (!r.reservedZero() || (r.flags() & ~Command.ALL_FLAGS) != 0) {
            throw new IllegalArgumentException(ErrorCode.RESERVED_BITS + " in a " + op + " command");
        }
        Buf src = Buf.of(r.src());
        Buf dst = Buf.of(r.dst());
        Buf aux = Buf.of(r.aux());
        if (src == null || dst == null || aux == null) {
            throw new IllegalArgumentException(ErrorCode.BAD_BUFFER + ": buffer ids " + r.src() + ", " + r.dst() + ", " + r.aux());
        }
        return new Command(op, r.flags(), src, dst, aux, r.layer(), r.count(), r.inSize(), r.outSize(), r.tokens(),
                r.weightOffset(), r.weightBytes(), r.weightStride(), r.weight2Offset(), r.weight2Bytes());
    }

    public static List<Command> decodeAll(byte[] program) {
        if (program.length % BYTES != 0) {
            throw new IllegalArgumentException("a program is a whole number of " + BYTES + "-byte commands; found " + program.length + " bytes");
        }
        List<Command> out = new ArrayList<>();
        for (int i = 0; i < program.length; i += BYTES) {
            out.add(decode(program, i));
        }
        return out;
    }

    private static boolean tiles(int size, int unit, int max) {
        return size >= unit && size <= max && size % unit == 0;
    }

    /**
     * The error code the hardware decoder raises for this word with the given limits and weight image size
     * (NONE if it dispatches it). Same checks, same order as {@code CommandDecoder}.
     */
    public static ErrorCode check(byte[] word, int offset, IsaLimits lim, long weightsSize) {
        Raw r = raw(word, offset);
        Opcode op = Opcode.of(r.opcode());
        if (op == null) {
            return ErrorCode.BAD_OPCODE;
        }
        if (!r.reservedZero() || (r.flags() & ~Command.ALL_FLAGS) != 0) {
            return ErrorCode.RESERVED_BITS;
        }
        if (Buf.of(r.src()) == null || Buf.of(r.dst()) == null || Buf.of(r.aux()) == null) {
            return ErrorCode.BAD_BUFFER;
        }
        boolean tokensOk = r.tokens() >= 1 && r.tokens() <= lim.maxTokens();
        boolean inOk = tiles(r.inSize(), lim.rows(), lim.maxIn());
        boolean outOk = tiles(r.outSize(), lim.cols(), lim.maxOut());
        boolean sizeOk = switch (op) {
            case EMBED, LINEAR -> tokensOk && inOk && outOk;
            case GATE -> tokensOk && inOk && r.outSize() >= 1 && r.outSize() <= lim.maxExperts();
            case LAYERNORM -> tokensOk && inOk;
            case ATTENTION -> tokensOk && inOk && r.count() >= 1 && r.count() <= lim.maxHeads();
            case EXPERTS -> tokensOk && inOk && outOk && r.count() >= 1 && r.count() <= lim.maxExperts();
            case STORE -> tokensOk && outOk;
            case PREFETCH -> r.count() >= 1 && r.count() <= lim.maxExperts();
            case BARRIER, END -> true;
        };
        if (!sizeOk) {
            return ErrorCode.BAD_SIZE;
        }
        if (Command.readsWeights(op)) {
            long copies = op == Opcode.EXPERTS || op == Opcode.PREFETCH ? r.count() : (r.flags() & Command.TASK_SEL) != 0 ? lim.tasks() : 1;
            long end = r.weightOffset() + (copies - 1) * r.weightStride() + r.weightBytes();
            long end2 = r.weight2Offset() + (copies - 1) * r.weightStride() + r.weight2Bytes();
            if (end > weightsSize || r.weight2Bytes() != 0 && end2 > weightsSize) {
                return ErrorCode.ADDRESS_RANGE;
            }
        }
        return ErrorCode.NONE;
    }
}
