package org.edgemoe.rtl.isa;

/** The ERROR_CODE register's values (the sequencer's first error, until the next START). */
public enum ErrorCode {
    NONE(0, "no error"),
    BAD_OPCODE(1, "unknown opcode"),
    ADDRESS_RANGE(2, "a weight block (any of its copies) past WEIGHTS_SIZE, or PROGRAM_ADDR not 16-byte aligned"),
    BAD_SIZE(3, "a size the hardware cannot do (tokens, in/out sizes, heads, experts)"),
    BAD_BUFFER(4, "a buffer id (src, dst, aux) above 5"),
    RESERVED_BITS(5, "reserved bits or unknown flags set"),
    NO_END(6, "PROGRAM_SIZE reached without END"),
    DDR_READ(7, "SLVERR or DECERR on a DDR read"),
    DDR_WRITE(8, "SLVERR or DECERR on a DDR write"),
    WATCHDOG(9, "no progress for WATCHDOG cycles"),
    ABORTED(10, "CTRL.ABORT written while running");

    public final int code;
    public final String meaning;

    ErrorCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public static ErrorCode of(int code) {
        for (ErrorCode e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("no error code " + code);
    }
}
