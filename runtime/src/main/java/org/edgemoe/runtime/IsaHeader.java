package org.edgemoe.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Command;
import org.edgemoe.rtl.isa.CommandCodec;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.Opcode;

/**
 * The C driver's copy of the instruction set, generated from {@code org.edgemoe.rtl.isa}: the opcodes, the error
 * codes with their names and meanings, and where the command word holds the fields the driver reads (opcode, a
 * STORE's tokens and values; found by encoding a probe command with {@link CommandCodec}, so a change of the word
 * layout shows up here). Checked in as {@code runtime/src/main/c/edgemoe_isa.h}; {@code IsaHeaderTest} fails
 * when it drifts. Regenerate with {@code java -cp <runtime classpath> org.edgemoe.runtime.IsaHeader <repository root>}.
 */
public final class IsaHeader {
    public static final String C_HEADER = "runtime/src/main/c/edgemoe_isa.h";

    private IsaHeader() { }

    /** Byte offset of the little-endian 16-bit {@code value} in {@code word} (it must occur exactly once). */
    static int offsetOf(byte[] word, int value) {
        int found = -1;
        for (int i = 0; i + 1 < word.length; i++) {
            if ((word[i] & 0xFF) == (value & 0xFF) && (word[i + 1] & 0xFF) == (value >>> 8 & 0xFF)) {
                if (found >= 0) {
                    throw new IllegalStateException("probe value 0x" + Integer.toHexString(value) + " found twice in the command word");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalStateException("probe value 0x" + Integer.toHexString(value) + " not in the command word");
        }
        return found;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static String cHeader() {
        int tokens = 0x3A5C;
        int values = 0x1C6E;
        byte[] probe = CommandCodec.encode(new Command(Opcode.STORE, 0, Buf.RES, Buf.RES, Buf.RES, 0, 0, 0, values, tokens, 0, 0, 0));
        if ((probe[0] & 0xFF) != Opcode.STORE.code) {
            throw new IllegalStateException("the command word no longer starts with the opcode byte");
        }
        StringBuilder s = new StringBuilder();
        s.append("/* Edge-MoE instruction set for the C driver: generated from org.edgemoe.rtl.isa, do not edit. */\n");
        s.append("#ifndef EDGEMOE_ISA_H\n#define EDGEMOE_ISA_H\n\n");
        s.append("/* Bytes of a command word, and where the driver finds the fields it reads (little-endian). */\n");
        s.append("#define EDGEMOE_COMMAND_BYTES ").append(CommandCodec.BYTES).append("u\n");
        s.append("#define EDGEMOE_CMD_OPCODE_OFFSET 0u /* u8 */\n");
        s.append("#define EDGEMOE_CMD_TOKENS_OFFSET ").append(offsetOf(probe, tokens)).append("u /* u16 */\n");
        s.append("#define EDGEMOE_CMD_OUT_SIZE_OFFSET ").append(offsetOf(probe, values)).append("u /* u16 */\n\n");
        s.append("/* Opcodes. */\n");
        String[] names = new String[16];
        for (Opcode o : Opcode.values()) {
            s.append(String.format("#define EDGEMOE_OP_%s 0x%02Xu%n", o.name(), o.code));
            if (o.code >= names.length) {
                throw new IllegalStateException("opcode " + o + " past the 16-entry name table");
            }
            names[o.code] = o.name();
        }
        s.append("/* Opcode names by code (16 entries, NULL where none). */\n#define EDGEMOE_OPCODE_NAMES {");
        for (int i = 0; i < names.length; i++) {
            s.append(i == 0 ? "" : ",").append(names[i] == null ? " NULL" : " " + quote(names[i]));
        }
        s.append(" }\n\n/* ERROR_CODE values. */\n");
        ErrorCode[] codes = ErrorCode.values();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].code != i) {
                throw new IllegalStateException("error codes are no longer 0..n-1: " + codes[i] + " = " + codes[i].code);
            }
            s.append(String.format("#define EDGEMOE_ERR_%s %du /* %s */%n", codes[i].name(), codes[i].code, codes[i].meaning));
        }
        s.append("#define EDGEMOE_ERR_COUNT ").append(codes.length).append("u\n");
        s.append("/* Their names and meanings by code. */\n#define EDGEMOE_ERROR_NAMES {");
        for (int i = 0; i < codes.length; i++) {
            s.append(i == 0 ? " " : ", ").append(quote(codes[i].name()));
        }
        s.append(" }\n#define EDGEMOE_ERROR_MEANINGS {");
        for (int i = 0; i < codes.length; i++) {
            s.append(i == 0 ? " \\\n    " : ", \\\n    ").append(quote(codes[i].meaning));
        }
        s.append(" }\n\n#endif\n");
        return s.toString();
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Files.writeString(root.resolve(C_HEADER), cHeader());
        System.out.println("wrote " + C_HEADER);
    }
}
