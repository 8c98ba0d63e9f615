package org.edgemoe.runtime;

import org.edgemoe.sim.axi.DdrMemory;

/**
 * The accelerator in simulation: registers through AXI4-Lite transactions of the simulated host, the DMA buffer a
 * window of the DDR model's memory, the interrupt the design's {@code io_interrupt}, and time the simulated
 * cycles at the design's clock. Waiting for the interrupt runs the simulation.
 *
 * <p>The full-system simulation ({@code org.edgemoe.runtime.sim.SystemSim}) provides every method of
 * {@link Target}; tests adapt a smaller design (the control plane alone) to it.
 */
public final class SimulationBackend implements AcceleratorBackend {
    /** What the backend needs of a simulated system. */
    public interface Target extends AutoCloseable {
        void regWrite(int addr, int value);

        int regRead(int addr);

        DdrMemory memory();

        /** Runs {@code cycles} clock cycles. */
        void run(long cycles);

        boolean interrupt();

        long cycle();

        @Override
        void close();
    }

    /** The default buffer: 64 MiB at 0x1000_0000 (a register left at 0 then points outside it). */
    public static final long DEFAULT_BASE = 0x1000_0000L;
    public static final long DEFAULT_SIZE = 64L << 20;

    private final Target target;
    private final double clockHz;
    private final long base;
    private final long size;
    private final String name;
    private long pollNanos = 10_000;
    private boolean interrupts = true;

    /**
     * @param target   the simulated system
     * @param clockHz  its clock (the accelerator's time is cycles / clockHz)
     * @param base     the buffer's bus address (4 KB aligned, below 4 GB)
     * @param size     its bytes
     */
    public SimulationBackend(Target target, double clockHz, long base, long size, String name) {
        if (clockHz <= 0) {
            throw new IllegalArgumentException("clock must be positive: " + clockHz + " Hz");
        }
        DdrLayout.standard(base, size);
        this.target = target;
        this.clockHz = clockHz;
        this.base = base;
        this.size = size;
        this.name = name;
    }

    /** The accelerator's time between two looks at STATUS (10 us, 3,000 cycles at 300 MHz, unless set). */
    public SimulationBackend poll(long nanos) {
        this.pollNanos = nanos;
        return this;
    }

    /** With {@code false} the driver polls STATUS instead of waiting for the interrupt (a board without UIO). */
    public SimulationBackend interrupts(boolean on) {
        this.interrupts = on;
        return this;
    }

    public Target target() {
        return target;
    }

    @Override
    public int regRead(int offset) {
        return target.regRead(offset);
    }

    @Override
    public void regWrite(int offset, int value) {
        target.regWrite(offset, value);
    }

    @Override
    public long memBase() {
        return base;
    }

    @Override
    public long memSize() {
        return size;
    }

    @Override
    public void memWrite(long busAddr, byte[] data, int off, int len) {
        checkRange(busAddr, len);
        DdrMemory m = target.memory();
        if (off == 0 && len == data.length) {
            m.write(busAddr, data);
        } else {
            m.write(busAddr, java.util.Arrays.copyOfRange(data, off, off + len));
        }
    }

    @Override
    public void memRead(long busAddr, byte[] dst, int off, int len) {
        checkRange(busAddr, len);
        System.arraycopy(target.memory().read(busAddr, len), 0, dst, off, len);
    }

    @Override
    public boolean hasInterrupt() {
        return interrupts;
    }

    private long cycles(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos * clockHz / 1e9));
    }

    @Override
    public boolean awaitInterrupt(long nanos) {
        long end = target.cycle() + cycles(nanos);
        while (!target.interrupt()) {
            long left = end - target.cycle();
            if (left <= 0) {
                return false;
            }
            target.run(Math.min(left, 64));
        }
        return true;
    }

    @Override
    public void pause(long nanos) {
        target.run(cycles(nanos));
    }

    @Override
    public long pollNanos() {
        return pollNanos;
    }

    @Override
    public long nanoTime() {
        return (long) (target.cycle() * 1e9 / clockHz);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        target.close();
    }
}
