package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.lib.regs.RegisterMap.Access.*;

import org.edgemoe.hdl.lib.regs.RegisterMap;

/**
 * The accelerator's control registers (AXI4-Lite, 32-bit, a 4 KB window): the one description the
 * {@link ControlSlave} hardware, the docs' table and the host's headers are generated from.
 */
public final class ControlRegisters {
    private ControlRegisters() { }

    /** The value of the read-only ID register: "ED", "MO", version 1. */
    public static final int ID_VALUE = 0xED6D_0001;
    /** The WATCHDOG register's reset value: 2^24 cycles (56 ms at 300 MHz) without progress. */
    public static final int WATCHDOG_DEFAULT = 1 << 24;

    /** Entries of the command trace (TRACE_* registers): a whole M3ViT program is 93 commands (END included). */
    public static final int TRACE_DEPTH = 256;

    public static final String[] UNITS = {"CU", "ATTN", "LN", "ROUTER", "EMBED"};

    public static final RegisterMap MAP = build();

    private static RegisterMap build() {
        RegisterMap m = new RegisterMap("EdgeMoeAccelerator", 32, 12);
        m.reg("CTRL", 0x00, "Control: start a run or abort it")
                .field("START", 0, 1, W1P, "write 1 to start the program at PROGRAM_ADDR (ignored while busy)")
                .field("ABORT", 1, 1, W1P, "write 1 to stop a run: it ends with ERROR_CODE = ABORTED")
                .end();
        m.reg("STATUS", 0x04, "Run state")
                .field("IDLE", 0, 1, RO, 1, "no run in progress")
                .field("DONE", 1, 1, RO, "the last run reached END (cleared by START)")
                .field("ERROR", 2, 1, RO, "the last run stopped with an error (ERROR_CODE; cleared by START)")
                .end();
        m.reg("IRQ_ENABLE", 0x08, "Interrupt enables")
                .field("DONE", 0, 1, RW, "interrupt when a run ends at END")
                .field("ERROR", 1, 1, RW, "interrupt when a run stops with an error")
                .end();
        m.reg("IRQ_STATUS", 0x0C, "Interrupt status; interrupt = OR of (IRQ_STATUS & IRQ_ENABLE)")
                .field("DONE", 0, 1, W1C, "a run reached END")
                .field("ERROR", 1, 1, W1C, "a run stopped with an error")
                .end();
        m.word("TASK", 0x10, 1, RW, 0, "Task (0 or 1): selects the gate matrices (GATE with TASK_SEL)");
        m.word("PROGRAM_ADDR", 0x14, 32, RW, 0, "DDR byte address of the command list (16-byte aligned)");
        m.word("PROGRAM_SIZE", 0x18, 32, RW, 0, "Bytes of the command list: fetching past it without END is error NO_END");
        m.word("WEIGHTS_ADDR", 0x1C, 32, RW, 0, "DDR byte address of the weight image");
        m.word("WEIGHTS_SIZE", 0x20, 32, RW, 0, "Bytes of the weight image: a weight block past it is error ADDRESS_RANGE");
        m.word("INPUT_ADDR", 0x24, 32, RW, 0, "DDR byte address of the input image");
        m.word("OUTPUT_ADDR", 0x28, 32, RW, 0, "DDR byte address of the output features");
        m.word("WATCHDOG", 0x2C, 32, RW, WATCHDOG_DEFAULT, "Cycles without progress before error WATCHDOG (0: off)");
        m.reg("ERROR_CODE", 0x30, "The run's first error (0 = none), see the error code table")
                .field("CODE", 0, 8, RO, "error code")
                .end();
        m.reg("ERROR_INFO", 0x34, "Where the first error happened")
                .field("INDEX", 0, 16, RO, "index of the command that failed (or was being fetched)")
                .field("OPCODE", 16, 8, RO, "its opcode byte")
                .end();
        m.word("ERROR_ADDR", 0x38, 32, RO, 0, "DDR address of the failing burst (DDR_READ / DDR_WRITE)");
        m.word("ID", 0x3C, 32, RO, ID_VALUE & 0xFFFFFFFFL, "Constant 0xED6D0001: identifies the block and its register map version");
        m.word("PERF_CYCLES", 0x40, 32, RO, 0, "Cycles from START to the end of the run (all perf counters clear at START)");
        for (int i = 0; i < UNITS.length; i++) {
            m.word("PERF_BUSY_" + UNITS[i], 0x44 + 4 * i, 32, RO, 0, "Cycles the " + unitName(UNITS[i]) + " was busy");
        }
        m.word("PERF_DDR_RD_BYTES", 0x58, 32, RO, 0, "Bytes read from DDR (all read ports)");
        m.word("PERF_DDR_WR_BYTES", 0x5C, 32, RO, 0, "Bytes written to DDR");
        m.word("PERF_DDR_STALL", 0x60, 32, RO, 0, "Cycles a unit waited for DDR data or a write response");
        m.word("PERF_COMMANDS", 0x64, 32, RO, 0, "Commands dispatched");
        m.reg("TRACE_COUNT", 0x80, "Command trace: entries recorded this run (cleared by START), one per command (when it began), "
                        + "BARRIER passed, and the run's end (opcode END)")
                .field("ENTRIES", 0, 16, RO, "entries held (at most TRACE_DEPTH)")
                .field("OVERFLOW", 16, 1, RO, "more events than TRACE_DEPTH: the later ones were dropped")
                .end();
        m.word("TRACE_DEPTH", 0x84, 16, RO, TRACE_DEPTH, "Entries the command trace holds");
        m.word("TRACE_SELECT", 0x88, 16, RW, 0, "Entry shown in TRACE_INFO .. TRACE_DDR_WR_BYTES (an entry not recorded reads 0)");
        m.reg("TRACE_INFO", 0x8C, "The selected entry: which command")
                .field("INDEX", 0, 16, RO, "index of the command in the program")
                .field("OPCODE", 16, 8, RO, "its opcode byte")
                .field("LAYER", 24, 8, RO, "its layer label")
                .end();
        m.word("TRACE_CYCLES", 0x90, 32, RO, 0, "The selected entry: PERF_CYCLES when the command began (END: when the run ended)");
        m.word("TRACE_DDR_RD_BYTES", 0x94, 32, RO, 0, "The selected entry: PERF_DDR_RD_BYTES at that cycle");
        m.word("TRACE_DDR_WR_BYTES", 0x98, 32, RO, 0, "The selected entry: PERF_DDR_WR_BYTES at that cycle");
        return m;
    }

    private static String unitName(String u) {
        return switch (u) {
            case "CU" -> "compute unit";
            case "ATTN" -> "attention engine";
            case "LN" -> "LayerNorm unit";
            case "ROUTER" -> "MoE router (gate)";
            case "EMBED" -> "patch-embedding unit";
            default -> u;
        };
    }
}
