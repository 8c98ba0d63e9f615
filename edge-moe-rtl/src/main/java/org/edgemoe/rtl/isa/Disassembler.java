package org.edgemoe.rtl.isa;

import java.util.ArrayList;
import java.util.List;

/** Command words back to text, one line per command; invalid words name their error code. */
public final class Disassembler {
    private Disassembler() { }

    public static String line(Command c) {
        StringBuilder sb = new StringBuilder(String.format("%-9s", c.opcode()));
        List<String> flags = new ArrayList<>();
        if (c.has(Command.BIAS)) flags.add("bias");
        if (c.has(Command.ATTN_BIAS)) flags.add("attn_bias");
        if (c.has(Command.GELU)) flags.add("gelu");
        if (c.has(Command.RESID)) flags.add("resid");
        if (c.has(Command.TASK_SEL)) flags.add("task_sel");
        switch (c.opcode()) {
            case BARRIER, END -> {
                return sb.toString().strip();
            }
            case STORE -> sb.append(String.format(" %s -> ddr tokens=%d values=%d", c.src(), c.tokens(), c.outSize()));
            case PREFETCH -> sb.append(String.format(" experts=%d w=0x%x+%d w2=0x%x+%d stride=%d", c.count(), c.weightOffset(),
                    c.weightBytes(), c.weight2Offset(), c.weight2Bytes(), c.weightStride()));
            case ATTENTION -> sb.append(String.format(" %s -> %s tokens=%d dim=%d heads=%d", c.src(), c.dst(), c.tokens(), c.inSize(), c.count()));
            default -> {
                sb.append(String.format(" %s -> %s", c.src(), c.dst()));
                if (c.opcode() == Opcode.EXPERTS) {
                    sb.append(" second=").append(c.aux()).append(" experts=").append(c.count());
                }
                sb.append(String.format(" tokens=%d in=%d", c.tokens(), c.inSize()));
                if (c.outSize() != 0) {
                    sb.append(" out=").append(c.outSize());
                }
                sb.append(String.format(" w=0x%x+%d", c.weightOffset(), c.weightBytes()));
                if (c.weight2Bytes() != 0) {
                    sb.append(String.format(" w2=0x%x+%d", c.weight2Offset(), c.weight2Bytes()));
                }
                if (c.weightStride() != 0) {
                    sb.append(String.format(" stride=%d", c.weightStride()));
                }
            }
        }
        if (!flags.isEmpty()) {
            sb.append(" [").append(String.join(",", flags)).append("]");
        }
        if (c.layer() != 0 || c.opcode() != Opcode.EMBED && c.opcode() != Opcode.STORE) {
            sb.append(" layer=").append(c.layer());
        }
        return sb.toString();
    }

    /** The whole program: {@code <index>: <command>} lines, or {@code <index>: ??? <error>} for an invalid word. */
    public static String disassemble(byte[] program) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + CommandCodec.BYTES <= program.length; i += CommandCodec.BYTES) {
            sb.append(String.format("%4d: ", i / CommandCodec.BYTES));
            try {
                sb.append(line(CommandCodec.decode(program, i)));
            } catch (IllegalArgumentException e) {
                sb.append("??? ").append(e.getMessage());
            }
            sb.append('\n');
        }
        if (program.length % CommandCodec.BYTES != 0) {
            sb.append("(").append(program.length % CommandCodec.BYTES).append(" trailing bytes)\n");
        }
        return sb.toString();
    }
}
