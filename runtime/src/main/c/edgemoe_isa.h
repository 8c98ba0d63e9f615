/* Edge-MoE instruction set for the C driver: generated from org.edgemoe.rtl.isa, do not edit. */
#ifndef EDGEMOE_ISA_H
#define EDGEMOE_ISA_H

/* Bytes of a command word, and where the driver finds the fields it reads (little-endian). */
#define EDGEMOE_COMMAND_BYTES 32u
#define EDGEMOE_CMD_OPCODE_OFFSET 0u /* u8 */
#define EDGEMOE_CMD_TOKENS_OFFSET 6u /* u16 */
#define EDGEMOE_CMD_OUT_SIZE_OFFSET 10u /* u16 */

/* Opcodes. */
#define EDGEMOE_OP_EMBED 0x01u
#define EDGEMOE_OP_LAYERNORM 0x02u
#define EDGEMOE_OP_LINEAR 0x03u
#define EDGEMOE_OP_ATTENTION 0x04u
#define EDGEMOE_OP_GATE 0x05u
#define EDGEMOE_OP_EXPERTS 0x06u
#define EDGEMOE_OP_STORE 0x07u
#define EDGEMOE_OP_BARRIER 0x08u
#define EDGEMOE_OP_PREFETCH 0x09u
#define EDGEMOE_OP_END 0x0Fu
/* Opcode names by code (16 entries, NULL where none). */
#define EDGEMOE_OPCODE_NAMES { NULL, "EMBED", "LAYERNORM", "LINEAR", "ATTENTION", "GATE", "EXPERTS", "STORE", "BARRIER", "PREFETCH", NULL, NULL, NULL, NULL, NULL, "END" }

/* ERROR_CODE values. */
#define EDGEMOE_ERR_NONE 0u /* no error */
#define EDGEMOE_ERR_BAD_OPCODE 1u /* unknown opcode */
#define EDGEMOE_ERR_ADDRESS_RANGE 2u /* a weight block (any of its copies) past WEIGHTS_SIZE, or PROGRAM_ADDR not 16-byte aligned */
#define EDGEMOE_ERR_BAD_SIZE 3u /* a size the hardware cannot do (tokens, in/out sizes, heads, experts) */
#define EDGEMOE_ERR_BAD_BUFFER 4u /* a buffer id (src, dst, aux) above 5 */
#define EDGEMOE_ERR_RESERVED_BITS 5u /* reserved bits or unknown flags set */
#define EDGEMOE_ERR_NO_END 6u /* PROGRAM_SIZE reached without END */
#define EDGEMOE_ERR_DDR_READ 7u /* SLVERR or DECERR on a DDR read */
#define EDGEMOE_ERR_DDR_WRITE 8u /* SLVERR or DECERR on a DDR write */
#define EDGEMOE_ERR_WATCHDOG 9u /* no progress for WATCHDOG cycles */
#define EDGEMOE_ERR_ABORTED 10u /* CTRL.ABORT written while running */
#define EDGEMOE_ERR_COUNT 11u
/* Their names and meanings by code. */
#define EDGEMOE_ERROR_NAMES { "NONE", "BAD_OPCODE", "ADDRESS_RANGE", "BAD_SIZE", "BAD_BUFFER", "RESERVED_BITS", "NO_END", "DDR_READ", "DDR_WRITE", "WATCHDOG", "ABORTED" }
#define EDGEMOE_ERROR_MEANINGS { \
    "no error", \
    "unknown opcode", \
    "a weight block (any of its copies) past WEIGHTS_SIZE, or PROGRAM_ADDR not 16-byte aligned", \
    "a size the hardware cannot do (tokens, in/out sizes, heads, experts)", \
    "a buffer id (src, dst, aux) above 5", \
    "reserved bits or unknown flags set", \
    "PROGRAM_SIZE reached without END", \
    "SLVERR or DECERR on a DDR read", \
    "SLVERR or DECERR on a DDR write", \
    "no progress for WATCHDOG cycles", \
    "CTRL.ABORT written while running" }

#endif
