/* EdgeMoeAccelerator registers: generated from the RegisterMap, do not edit. */
#ifndef EDGEMOE_REGS_H
#define EDGEMOE_REGS_H

/* Control: start a run or abort it */
#define EDGEMOE_CTRL 0x000u
#define EDGEMOE_CTRL_START_SHIFT 0u
#define EDGEMOE_CTRL_START_MASK 0x00000001u
#define EDGEMOE_CTRL_ABORT_SHIFT 1u
#define EDGEMOE_CTRL_ABORT_MASK 0x00000002u
/* Run state */
#define EDGEMOE_STATUS 0x004u
#define EDGEMOE_STATUS_IDLE_SHIFT 0u
#define EDGEMOE_STATUS_IDLE_MASK 0x00000001u
#define EDGEMOE_STATUS_DONE_SHIFT 1u
#define EDGEMOE_STATUS_DONE_MASK 0x00000002u
#define EDGEMOE_STATUS_ERROR_SHIFT 2u
#define EDGEMOE_STATUS_ERROR_MASK 0x00000004u
/* Interrupt enables */
#define EDGEMOE_IRQ_ENABLE 0x008u
#define EDGEMOE_IRQ_ENABLE_DONE_SHIFT 0u
#define EDGEMOE_IRQ_ENABLE_DONE_MASK 0x00000001u
#define EDGEMOE_IRQ_ENABLE_ERROR_SHIFT 1u
#define EDGEMOE_IRQ_ENABLE_ERROR_MASK 0x00000002u
/* Interrupt status; interrupt = OR of (IRQ_STATUS & IRQ_ENABLE) */
#define EDGEMOE_IRQ_STATUS 0x00Cu
#define EDGEMOE_IRQ_STATUS_DONE_SHIFT 0u
#define EDGEMOE_IRQ_STATUS_DONE_MASK 0x00000001u
#define EDGEMOE_IRQ_STATUS_ERROR_SHIFT 1u
#define EDGEMOE_IRQ_STATUS_ERROR_MASK 0x00000002u
/* Task (0 or 1): selects the gate matrices (GATE with TASK_SEL) */
#define EDGEMOE_TASK 0x010u
#define EDGEMOE_TASK_SHIFT 0u
#define EDGEMOE_TASK_MASK 0x00000001u
/* DDR byte address of the command list (16-byte aligned) */
#define EDGEMOE_PROGRAM_ADDR 0x014u
#define EDGEMOE_PROGRAM_ADDR_SHIFT 0u
#define EDGEMOE_PROGRAM_ADDR_MASK 0xFFFFFFFFu
/* Bytes of the command list: fetching past it without END is error NO_END */
#define EDGEMOE_PROGRAM_SIZE 0x018u
#define EDGEMOE_PROGRAM_SIZE_SHIFT 0u
#define EDGEMOE_PROGRAM_SIZE_MASK 0xFFFFFFFFu
/* DDR byte address of the weight image */
#define EDGEMOE_WEIGHTS_ADDR 0x01Cu
#define EDGEMOE_WEIGHTS_ADDR_SHIFT 0u
#define EDGEMOE_WEIGHTS_ADDR_MASK 0xFFFFFFFFu
/* Bytes of the weight image: a weight block past it is error ADDRESS_RANGE */
#define EDGEMOE_WEIGHTS_SIZE 0x020u
#define EDGEMOE_WEIGHTS_SIZE_SHIFT 0u
#define EDGEMOE_WEIGHTS_SIZE_MASK 0xFFFFFFFFu
/* DDR byte address of the input image */
#define EDGEMOE_INPUT_ADDR 0x024u
#define EDGEMOE_INPUT_ADDR_SHIFT 0u
#define EDGEMOE_INPUT_ADDR_MASK 0xFFFFFFFFu
/* DDR byte address of the output features */
#define EDGEMOE_OUTPUT_ADDR 0x028u
#define EDGEMOE_OUTPUT_ADDR_SHIFT 0u
#define EDGEMOE_OUTPUT_ADDR_MASK 0xFFFFFFFFu
/* Cycles without progress before error WATCHDOG (0: off) */
#define EDGEMOE_WATCHDOG 0x02Cu
#define EDGEMOE_WATCHDOG_SHIFT 0u
#define EDGEMOE_WATCHDOG_MASK 0xFFFFFFFFu
/* The run's first error (0 = none), see the error code table */
#define EDGEMOE_ERROR_CODE 0x030u
#define EDGEMOE_ERROR_CODE_CODE_SHIFT 0u
#define EDGEMOE_ERROR_CODE_CODE_MASK 0x000000FFu
/* Where the first error happened */
#define EDGEMOE_ERROR_INFO 0x034u
#define EDGEMOE_ERROR_INFO_INDEX_SHIFT 0u
#define EDGEMOE_ERROR_INFO_INDEX_MASK 0x0000FFFFu
#define EDGEMOE_ERROR_INFO_OPCODE_SHIFT 16u
#define EDGEMOE_ERROR_INFO_OPCODE_MASK 0x00FF0000u
/* DDR address of the failing burst (DDR_READ / DDR_WRITE) */
#define EDGEMOE_ERROR_ADDR 0x038u
#define EDGEMOE_ERROR_ADDR_SHIFT 0u
#define EDGEMOE_ERROR_ADDR_MASK 0xFFFFFFFFu
/* Constant 0xED6D0001: identifies the block and its register map version */
#define EDGEMOE_ID 0x03Cu
#define EDGEMOE_ID_SHIFT 0u
#define EDGEMOE_ID_MASK 0xFFFFFFFFu
/* Cycles from START to the end of the run (all perf counters clear at START) */
#define EDGEMOE_PERF_CYCLES 0x040u
#define EDGEMOE_PERF_CYCLES_SHIFT 0u
#define EDGEMOE_PERF_CYCLES_MASK 0xFFFFFFFFu
/* Cycles the compute unit was busy */
#define EDGEMOE_PERF_BUSY_CU 0x044u
#define EDGEMOE_PERF_BUSY_CU_SHIFT 0u
#define EDGEMOE_PERF_BUSY_CU_MASK 0xFFFFFFFFu
/* Cycles the attention engine was busy */
#define EDGEMOE_PERF_BUSY_ATTN 0x048u
#define EDGEMOE_PERF_BUSY_ATTN_SHIFT 0u
#define EDGEMOE_PERF_BUSY_ATTN_MASK 0xFFFFFFFFu
/* Cycles the LayerNorm unit was busy */
#define EDGEMOE_PERF_BUSY_LN 0x04Cu
#define EDGEMOE_PERF_BUSY_LN_SHIFT 0u
#define EDGEMOE_PERF_BUSY_LN_MASK 0xFFFFFFFFu
/* Cycles the MoE router (gate) was busy */
#define EDGEMOE_PERF_BUSY_ROUTER 0x050u
#define EDGEMOE_PERF_BUSY_ROUTER_SHIFT 0u
#define EDGEMOE_PERF_BUSY_ROUTER_MASK 0xFFFFFFFFu
/* Cycles the patch-embedding unit was busy */
#define EDGEMOE_PERF_BUSY_EMBED 0x054u
#define EDGEMOE_PERF_BUSY_EMBED_SHIFT 0u
#define EDGEMOE_PERF_BUSY_EMBED_MASK 0xFFFFFFFFu
/* Bytes read from DDR (all read ports) */
#define EDGEMOE_PERF_DDR_RD_BYTES 0x058u
#define EDGEMOE_PERF_DDR_RD_BYTES_SHIFT 0u
#define EDGEMOE_PERF_DDR_RD_BYTES_MASK 0xFFFFFFFFu
/* Bytes written to DDR */
#define EDGEMOE_PERF_DDR_WR_BYTES 0x05Cu
#define EDGEMOE_PERF_DDR_WR_BYTES_SHIFT 0u
#define EDGEMOE_PERF_DDR_WR_BYTES_MASK 0xFFFFFFFFu
/* Cycles a unit waited for DDR data or a write response */
#define EDGEMOE_PERF_DDR_STALL 0x060u
#define EDGEMOE_PERF_DDR_STALL_SHIFT 0u
#define EDGEMOE_PERF_DDR_STALL_MASK 0xFFFFFFFFu
/* Commands dispatched */
#define EDGEMOE_PERF_COMMANDS 0x064u
#define EDGEMOE_PERF_COMMANDS_SHIFT 0u
#define EDGEMOE_PERF_COMMANDS_MASK 0xFFFFFFFFu
/* Command trace: entries recorded this run (cleared by START), one per command (when it began), BARRIER passed, and the run's end (opcode END) */
#define EDGEMOE_TRACE_COUNT 0x080u
#define EDGEMOE_TRACE_COUNT_ENTRIES_SHIFT 0u
#define EDGEMOE_TRACE_COUNT_ENTRIES_MASK 0x0000FFFFu
#define EDGEMOE_TRACE_COUNT_OVERFLOW_SHIFT 16u
#define EDGEMOE_TRACE_COUNT_OVERFLOW_MASK 0x00010000u
/* Entries the command trace holds */
#define EDGEMOE_TRACE_DEPTH 0x084u
#define EDGEMOE_TRACE_DEPTH_SHIFT 0u
#define EDGEMOE_TRACE_DEPTH_MASK 0x0000FFFFu
/* Entry shown in TRACE_INFO .. TRACE_DDR_WR_BYTES (an entry not recorded reads 0) */
#define EDGEMOE_TRACE_SELECT 0x088u
#define EDGEMOE_TRACE_SELECT_SHIFT 0u
#define EDGEMOE_TRACE_SELECT_MASK 0x0000FFFFu
/* The selected entry: which command */
#define EDGEMOE_TRACE_INFO 0x08Cu
#define EDGEMOE_TRACE_INFO_INDEX_SHIFT 0u
#define EDGEMOE_TRACE_INFO_INDEX_MASK 0x0000FFFFu
#define EDGEMOE_TRACE_INFO_OPCODE_SHIFT 16u
#define EDGEMOE_TRACE_INFO_OPCODE_MASK 0x00FF0000u
#define EDGEMOE_TRACE_INFO_LAYER_SHIFT 24u
#define EDGEMOE_TRACE_INFO_LAYER_MASK 0xFF000000u
/* The selected entry: PERF_CYCLES when the command began (END: when the run ended) */
#define EDGEMOE_TRACE_CYCLES 0x090u
#define EDGEMOE_TRACE_CYCLES_SHIFT 0u
#define EDGEMOE_TRACE_CYCLES_MASK 0xFFFFFFFFu
/* The selected entry: PERF_DDR_RD_BYTES at that cycle */
#define EDGEMOE_TRACE_DDR_RD_BYTES 0x094u
#define EDGEMOE_TRACE_DDR_RD_BYTES_SHIFT 0u
#define EDGEMOE_TRACE_DDR_RD_BYTES_MASK 0xFFFFFFFFu
/* The selected entry: PERF_DDR_WR_BYTES at that cycle */
#define EDGEMOE_TRACE_DDR_WR_BYTES 0x098u
#define EDGEMOE_TRACE_DDR_WR_BYTES_SHIFT 0u
#define EDGEMOE_TRACE_DDR_WR_BYTES_MASK 0xFFFFFFFFu

#endif
