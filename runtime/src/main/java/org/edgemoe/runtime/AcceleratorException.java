package org.edgemoe.runtime;

import org.edgemoe.rtl.isa.ErrorCode;

/**
 * The accelerator could not do what was asked; {@link #kind()} says which way, the message says what happened
 * in words (register values, the failing command, the time waited).
 */
public final class AcceleratorException extends RuntimeException {
    /** The ways a run fails. */
    public enum Kind {
        /** The register window does not hold an EdgeMoeAccelerator (ID register), or the platform failed. */
        NO_DEVICE,
        /** A run is already in progress. */
        BUSY,
        /** The weights, program or input do not fit their DMA region, or are malformed. */
        BAD_LOAD,
        /** START without weights, program or input loaded. */
        NOT_READY,
        /** The run stopped with an ERROR_CODE. */
        HARDWARE_ERROR,
        /** No DONE or ERROR within the timeout (the run was aborted). */
        TIMEOUT
    }

    private final Kind kind;
    private final ErrorCode errorCode;
    private final int commandIndex;
    private final int opcode;
    private final long errorAddr;

    public AcceleratorException(Kind kind, String message) {
        this(kind, message, ErrorCode.NONE, -1, -1, 0);
    }

    public AcceleratorException(Kind kind, String message, ErrorCode code, int commandIndex, int opcode, long errorAddr) {
        super(message);
        this.kind = kind;
        this.errorCode = code;
        this.commandIndex = commandIndex;
        this.opcode = opcode;
        this.errorAddr = errorAddr;
    }

    public Kind kind() {
        return kind;
    }

    /** The ERROR_CODE of a {@link Kind#HARDWARE_ERROR} (ABORTED after a {@link Kind#TIMEOUT}; NONE otherwise). */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** ERROR_INFO.INDEX: the command that failed (-1 when not a hardware error). */
    public int commandIndex() {
        return commandIndex;
    }

    /** ERROR_INFO.OPCODE: its opcode byte (-1 when not a hardware error). */
    public int opcode() {
        return opcode;
    }

    /** ERROR_ADDR: the failing burst's address (DDR_READ, DDR_WRITE, ADDRESS_RANGE of the program). */
    public long errorAddr() {
        return errorAddr;
    }
}
