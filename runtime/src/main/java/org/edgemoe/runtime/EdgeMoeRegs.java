package org.edgemoe.runtime;

/** EdgeMoeAccelerator registers: generated from the RegisterMap, do not edit. */
public final class EdgeMoeRegs {
    private EdgeMoeRegs() { }

    /** Control: start a run or abort it */
    public static final int CTRL = 0x000;
    public static final int CTRL_START_SHIFT = 0;
    public static final int CTRL_START_MASK = 0x00000001;
    public static final int CTRL_ABORT_SHIFT = 1;
    public static final int CTRL_ABORT_MASK = 0x00000002;

    /** Run state */
    public static final int STATUS = 0x004;
    public static final int STATUS_IDLE_SHIFT = 0;
    public static final int STATUS_IDLE_MASK = 0x00000001;
    public static final int STATUS_DONE_SHIFT = 1;
    public static final int STATUS_DONE_MASK = 0x00000002;
    public static final int STATUS_ERROR_SHIFT = 2;
    public static final int STATUS_ERROR_MASK = 0x00000004;

    /** Interrupt enables */
    public static final int IRQ_ENABLE = 0x008;
    public static final int IRQ_ENABLE_DONE_SHIFT = 0;
    public static final int IRQ_ENABLE_DONE_MASK = 0x00000001;
    public static final int IRQ_ENABLE_ERROR_SHIFT = 1;
    public static final int IRQ_ENABLE_ERROR_MASK = 0x00000002;

    /** Interrupt status; interrupt = OR of (IRQ_STATUS & IRQ_ENABLE) */
    public static final int IRQ_STATUS = 0x00C;
    public static final int IRQ_STATUS_DONE_SHIFT = 0;
    public static final int IRQ_STATUS_DONE_MASK = 0x00000001;
    public static final int IRQ_STATUS_ERROR_SHIFT = 1;
    public static final int IRQ_STATUS_ERROR_MASK = 0x00000002;

    /** Task (0 or 1): selects the gate matrices (GATE with TASK_SEL) */
    public static final int TASK = 0x010;
    public static final int TASK_SHIFT = 0;
    public static final int TASK_MASK = 0x00000001;

    /** DDR byte address of the command list (16-byte aligned) */
    public static final int PROGRAM_ADDR = 0x014;
    public static final int PROGRAM_ADDR_SHIFT = 0;
    public static final int PROGRAM_ADDR_MASK = 0xFFFFFFFF;

    /** Bytes of the command list: fetching past it without END is error NO_END */
    public static final int PROGRAM_SIZE = 0x018;
    public static final int PROGRAM_SIZE_SHIFT = 0;
    public static final int PROGRAM_SIZE_MASK = 0xFFFFFFFF;

    /** DDR byte address of the weight image */
    public static final int WEIGHTS_ADDR = 0x01C;
    public static final int WEIGHTS_ADDR_SHIFT = 0;
    public static final int WEIGHTS_ADDR_MASK = 0xFFFFFFFF;

    /** Bytes of the weight image: a weight block past it is error ADDRESS_RANGE */
    public static final int WEIGHTS_SIZE = 0x020;
    public static final int WEIGHTS_SIZE_SHIFT = 0;
    public static final int WEIGHTS_SIZE_MASK = 0xFFFFFFFF;

    /** DDR byte address of the input image */
    public static final int INPUT_ADDR = 0x024;
    public static final int INPUT_ADDR_SHIFT = 0;
    public static final int INPUT_ADDR_MASK = 0xFFFFFFFF;

    /** DDR byte address of the output features */
    public static final int OUTPUT_ADDR = 0x028;
    public static final int OUTPUT_ADDR_SHIFT = 0;
    public static final int OUTPUT_ADDR_MASK = 0xFFFFFFFF;

    /** Cycles without progress before error WATCHDOG (0: off) */
    public static final int WATCHDOG = 0x02C;
    public static final int WATCHDOG_SHIFT = 0;
    public static final int WATCHDOG_MASK = 0xFFFFFFFF;

    /** The run's first error (0 = none), see the error code table */
    public static final int ERROR_CODE = 0x030;
    public static final int ERROR_CODE_CODE_SHIFT = 0;
    public static final int ERROR_CODE_CODE_MASK = 0x000000FF;

    /** Where the first error happened */
    public static final int ERROR_INFO = 0x034;
    public static final int ERROR_INFO_INDEX_SHIFT = 0;
    public static final int ERROR_INFO_INDEX_MASK = 0x0000FFFF;
    public static final int ERROR_INFO_OPCODE_SHIFT = 16;
    public static final int ERROR_INFO_OPCODE_MASK = 0x00FF0000;

    /** DDR address of the failing burst (DDR_READ / DDR_WRITE) */
    public static final int ERROR_ADDR = 0x038;
    public static final int ERROR_ADDR_SHIFT = 0;
    public static final int ERROR_ADDR_MASK = 0xFFFFFFFF;

    /** Constant 0xED6D0001: identifies the block and its register map version */
    public static final int ID = 0x03C;
    public static final int ID_SHIFT = 0;
    public static final int ID_MASK = 0xFFFFFFFF;

    /** Cycles from START to the end of the run (all perf counters clear at START) */
    public static final int PERF_CYCLES = 0x040;
    public static final int PERF_CYCLES_SHIFT = 0;
    public static final int PERF_CYCLES_MASK = 0xFFFFFFFF;

    /** Cycles the compute unit was busy */
    public static final int PERF_BUSY_CU = 0x044;
    public static final int PERF_BUSY_CU_SHIFT = 0;
    public static final int PERF_BUSY_CU_MASK = 0xFFFFFFFF;

    /** Cycles the attention engine was busy */
    public static final int PERF_BUSY_ATTN = 0x048;
    public static final int PERF_BUSY_ATTN_SHIFT = 0;
    public static final int PERF_BUSY_ATTN_MASK = 0xFFFFFFFF;

    /** Cycles the LayerNorm unit was busy */
    public static final int PERF_BUSY_LN = 0x04C;
    public static final int PERF_BUSY_LN_SHIFT = 0;
    public static final int PERF_BUSY_LN_MASK = 0xFFFFFFFF;

    /** Cycles the MoE router (gate) was busy */
    public static final int PERF_BUSY_ROUTER = 0x050;
    public static final int PERF_BUSY_ROUTER_SHIFT = 0;
    public static final int PERF_BUSY_ROUTER_MASK = 0xFFFFFFFF;

    /** Cycles the patch-embedding unit was busy */
    public static final int PERF_BUSY_EMBED = 0x054;
    public static final int PERF_BUSY_EMBED_SHIFT = 0;
    public static final int PERF_BUSY_EMBED_MASK = 0xFFFFFFFF;

    /** Bytes read from DDR (all read ports) */
    public static final int PERF_DDR_RD_BYTES = 0x058;
    public static final int PERF_DDR_RD_BYTES_SHIFT = 0;
    public static final int PERF_DDR_RD_BYTES_MASK = 0xFFFFFFFF;

    /** Bytes written to DDR */
    public static final int PERF_DDR_WR_BYTES = 0x05C;
    public static final int PERF_DDR_WR_BYTES_SHIFT = 0;
    public static final int PERF_DDR_WR_BYTES_MASK = 0xFFFFFFFF;

    /** Cycles a unit waited for DDR data or a write response */
    public static final int PERF_DDR_STALL = 0x060;
    public static final int PERF_DDR_STALL_SHIFT = 0;
    public static final int PERF_DDR_STALL_MASK = 0xFFFFFFFF;

    /** Commands dispatched */
    public static final int PERF_COMMANDS = 0x064;
    public static final int PERF_COMMANDS_SHIFT = 0;
    public static final int PERF_COMMANDS_MASK = 0xFFFFFFFF;

    /** Command trace: entries recorded this run (cleared by START), one per command (when it began), BARRIER passed, and the run's end (opcode END) */
    public static final int TRACE_COUNT = 0x080;
    public static final int TRACE_COUNT_ENTRIES_SHIFT = 0;
    public static final int TRACE_COUNT_ENTRIES_MASK = 0x0000FFFF;
    public static final int TRACE_COUNT_OVERFLOW_SHIFT = 16;
    public static final int TRACE_COUNT_OVERFLOW_MASK = 0x00010000;

    /** Entries the command trace holds */
    public static final int TRACE_DEPTH = 0x084;
    public static final int TRACE_DEPTH_SHIFT = 0;
    public static final int TRACE_DEPTH_MASK = 0x0000FFFF;

    /** Entry shown in TRACE_INFO .. TRACE_DDR_WR_BYTES (an entry not recorded reads 0) */
    public static final int TRACE_SELECT = 0x088;
    public static final int TRACE_SELECT_SHIFT = 0;
    public static final int TRACE_SELECT_MASK = 0x0000FFFF;

    /** The selected entry: which command */
    public static final int TRACE_INFO = 0x08C;
    public static final int TRACE_INFO_INDEX_SHIFT = 0;
    public static final int TRACE_INFO_INDEX_MASK = 0x0000FFFF;
    public static final int TRACE_INFO_OPCODE_SHIFT = 16;
    public static final int TRACE_INFO_OPCODE_MASK = 0x00FF0000;
    public static final int TRACE_INFO_LAYER_SHIFT = 24;
    public static final int TRACE_INFO_LAYER_MASK = 0xFF000000;

    /** The selected entry: PERF_CYCLES when the command began (END: when the run ended) */
    public static final int TRACE_CYCLES = 0x090;
    public static final int TRACE_CYCLES_SHIFT = 0;
    public static final int TRACE_CYCLES_MASK = 0xFFFFFFFF;

    /** The selected entry: PERF_DDR_RD_BYTES at that cycle */
    public static final int TRACE_DDR_RD_BYTES = 0x094;
    public static final int TRACE_DDR_RD_BYTES_SHIFT = 0;
    public static final int TRACE_DDR_RD_BYTES_MASK = 0xFFFFFFFF;

    /** The selected entry: PERF_DDR_WR_BYTES at that cycle */
    public static final int TRACE_DDR_WR_BYTES = 0x098;
    public static final int TRACE_DDR_WR_BYTES_SHIFT = 0;
    public static final int TRACE_DDR_WR_BYTES_MASK = 0xFFFFFFFF;
}
