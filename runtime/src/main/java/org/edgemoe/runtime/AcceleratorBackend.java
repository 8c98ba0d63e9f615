package org.edgemoe.runtime;

/**
 * What the {@link Accelerator} driver needs from a platform: the 32-bit control registers (the 4 KB AXI4-Lite
 * window of {@code EdgeMoeRegs}), one DMA buffer the accelerator's AXI masters reach (physically contiguous,
 * below 4 GB: the masters drive 32-bit addresses), the interrupt line if there is one, and a clock.
 *
 * <p>Time is the accelerator's: wall-clock time on a board ({@link DeviceBackend}), simulated time
 * (cycles / clock) in simulation ({@link SimulationBackend}), so one timeout means the same on both.
 */
public interface AcceleratorBackend extends AutoCloseable {
    /** Reads the 32-bit register at byte offset {@code offset} of the control window. */
    int regRead(int offset);

    /** Writes the 32-bit register at byte offset {@code offset} of the control window. */
    void regWrite(int offset, int value);

    /** Bus (physical) address of the DMA buffer's first byte, as the accelerator sees it. */
    long memBase();

    /** Bytes of the DMA buffer. */
    long memSize();

    /** Copies {@code len} bytes of {@code data} from {@code off} into the buffer at bus address {@code busAddr}. */
    void memWrite(long busAddr, byte[] data, int off, int len);

    /** Copies {@code len} bytes of the buffer at bus address {@code busAddr} into {@code dst} at {@code off}. */
    void memRead(long busAddr, byte[] dst, int off, int len);

    /** Whether {@link #awaitInterrupt} waits for a real interrupt (otherwise the driver polls STATUS). */
    boolean hasInterrupt();

    /**
     * Waits at most {@code nanos} of accelerator time for the interrupt; true when it came (it may come before
     * the call: a level that is already high returns at once). Without an interrupt it only lets the time pass.
     */
    boolean awaitInterrupt(long nanos);

    /** Lets {@code nanos} of accelerator time pass (the polling interval). */
    void pause(long nanos);

    /**
     * How often the driver looks at STATUS (and reports progress) while it waits for a run: the polling interval,
     * or with an interrupt the longest single wait.
     */
    default long pollNanos() {
        return hasInterrupt() ? 50_000_000L : 100_000L;
    }

    /** The accelerator's time in nanoseconds (monotonic; any origin). */
    long nanoTime();

    /** One line naming the platform (for messages and the CLI). */
    String describe();

    @Override
    void close();

    /** Checks that [busAddr, busAddr + len) lies in the buffer; the message names the range and the buffer. */
    default void checkRange(long busAddr, long len) {
        if (len < 0 || busAddr < memBase() || busAddr + len > memBase() + memSize()) {
            throw new IllegalArgumentException(String.format("DMA buffer access [0x%x, 0x%x) outside the buffer [0x%x, 0x%x) of %s",
                    busAddr, busAddr + len, memBase(), memBase() + memSize(), describe()));
        }
    }
}
