package org.edgemoe.rtl.top;

import org.edgemoe.hdl.lib.regs.RegisterDocs;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.Opcode;

/**
 * The generated parts of docs/accelerator.md (the register table, the error codes, the opcodes), printed by
 * {@code main}; a test checks the document contains them verbatim, so the docs follow the hardware.
 */
public final class AcceleratorDocs {
    private AcceleratorDocs() { }

    public static String registerTable() {
        return RegisterDocs.markdown(ControlRegisters.MAP);
    }

    public static String errorTable() {
        StringBuilder sb = new StringBuilder("| code | name | meaning |\n|---|---|---|\n");
        for (ErrorCode e : ErrorCode.values()) {
            sb.append("| ").append(e.code).append(" | ").append(e.name()).append(" | ").append(e.meaning).append(" |\n");
        }
        return sb.toString();
    }

    public static String opcodeList() {
        StringBuilder sb = new StringBuilder();
        for (Opcode o : Opcode.values()) {
            sb.append(String.format("0x%02X %s%n", o.code, o.name()));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.println(registerTable());
        System.out.println(errorTable());
        System.out.println(opcodeList());
        System.out.println(RegisterDocs.cHeader(ControlRegisters.MAP, "EDGEMOE"));
    }
}
