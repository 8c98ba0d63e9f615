package org.edgemoe.runtime;

import static org.edgemoe.runtime.EdgeMoeRegs.*;

import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.rtl.isa.CommandCodec;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.top.ControlRegisters;

/**
 * The host driver of the Edge-MoE accelerator, over any {@link AcceleratorBackend} (a board, the simulation).
 * It puts the weight image, the program and the input image into the DMA buffer ({@link DdrLayout}), sets the
 * address registers and the task, starts the run, waits for DONE or ERROR (the interrupt when the backend has
 * one, else polling STATUS) with a timeout, and reads the performance counters and the output features.
 *
 * <pre>
 * try (Accelerator acc = Accelerator.open(backend)) {
 *     acc.loadWeights(M3VitImage.read(imageFile, config), config);
 *     acc.loadProgram(program);             // CommandCodec / ProgramBuilder bytes
 *     acc.loadInput(InputImage.load(photo, config.formats()));
 *     RunResult r = acc.run(Task.SEMSEG, Accelerator.DEFAULT_TIMEOUT_NANOS, null);
 *     float[] x = r.features().toFloat();   // 129 x 192, token-major
 * }
 * </pre>
 *
 * A hardware error is an {@link AcceleratorException} ({@link AcceleratorException.Kind#HARDWARE_ERROR}) naming
 * the error code, the failing command and address; a timeout aborts the run and says what the registers showed.
 * One instance drives one accelerator from one thread.
 */
public final class Accelerator implements AutoCloseable {
    /** Reports progress while a run is waited for: commands dispatched of those in the program, time since START. */
    public interface Progress {
        void update(long commandsDone, long commandsTotal, long elapsedNanos);
    }

    /** 10 s of accelerator time: a whole M3ViT inference takes a few milliseconds. */
    public static final long DEFAULT_TIMEOUT_NANOS = 10_000_000_000L;
    /** How long an ABORT may take to bring the accelerator back to IDLE. */
    public static final long ABORT_NANOS = 1_000_000L;

    private final AcceleratorBackend bus;
    private final DdrLayout ddr;
    private long pollNanos;
    private long weightsBytes = -1;
    private FixFormat resid;
    private long programBytes = -1;
    private long programCommands;
    private int outTokens;
    private int outValues;
    private boolean input;
    private Task started;
    private long startNanos;

    /** A driver on {@code bus} with the standard layout in its buffer; checks the ID register and that no run is in progress. */
    public static Accelerator open(AcceleratorBackend bus) {
        return new Accelerator(bus, DdrLayout.standard(bus.memBase(), bus.memSize()));
    }

    public Accelerator(AcceleratorBackend bus, DdrLayout layout) {
        this.bus = bus;
        this.ddr = layout;
        this.pollNanos = bus.pollNanos();
        int id = bus.regRead(ID);
        if (id != ControlRegisters.ID_VALUE) {
            throw new AcceleratorException(AcceleratorException.Kind.NO_DEVICE, String.format("%s: the ID register reads 0x%08x, expected "
                    + "0x%08x (EdgeMoeAccelerator, register map v1): wrong register window, or the bitstream is not loaded",
                    bus.describe(), id, ControlRegisters.ID_VALUE));
        }
        int st = bus.regRead(STATUS);
        if ((st & STATUS_IDLE_MASK) == 0) {
            throw new AcceleratorException(AcceleratorException.Kind.BUSY, String.format("%s: a run is in progress (STATUS 0x%x); "
                    + "wait for it or abort it (Accelerator.abort, edgemoe run --abort)", bus.describe(), st));
        }
        checkInside(layout);
    }

    private void checkInside(DdrLayout l) {
        bus.checkRange(l.programAddr(), l.programBytes());
        bus.checkRange(l.inputAddr(), l.inputBytes());
        bus.checkRange(l.outputAddr(), l.outputBytes());
        bus.checkRange(l.weightsAddr(), l.weightsBytes());
    }

    public DdrLayout layout() {
        return ddr;
    }

    public AcceleratorBackend backend() {
        return bus;
    }

    /** How often STATUS is looked at (and progress reported) while waiting; the backend's default at first. */
    public Accelerator pollInterval(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("poll interval must be positive: " + nanos + " ns");
        }
        this.pollNanos = nanos;
        return this;
    }

    /** Copies a checked weight image into the weights region; its features come out in {@code config}'s resid format. */
    public void loadWeights(WeightImage image, ImageConfig config) {
        if (image.configHash() != config.hash()) {
            throw new AcceleratorException(AcceleratorException.Kind.BAD_LOAD, String.format("weight image packed for configuration "
                    + "%016x, the driver was given %s", image.configHash(), config));
        }
        loadWeights(image.bytes(), config.formats().resid());
    }

    /** Copies raw weight-image bytes into the weights region (no checks beyond the size); outputs in {@code residFormat}. */
    public void loadWeights(byte[] image, FixFormat residFormat) {
        if (image.length > ddr.weightsBytes()) {
            throw new AcceleratorException(AcceleratorException.Kind.BAD_LOAD, String.format("weight image of %,d bytes does not fit the "
                    + "%,d bytes of the DMA buffer left for weights (%s); allocate at least %,d bytes", image.length, ddr.weightsBytes(),
                    bus.describe(), DdrLayout.bufferBytesFor(image.length)));
        }
        weightsBytes = -1;
        bus.memWrite(ddr.weightsAddr(), image, 0, image.length);
        weightsBytes = image.length;
        resid = residFormat;
    }

    /**
     * Copies a program (32-byte commands, {@link CommandCodec}) into the program region. The driver reads from it
     * only what it needs: the commands dispatched before END (progress) and the last STORE's size (output).
     * Anything else wrong with it is for the hardware to report (ERROR_CODE).
     */
    public void loadProgram(byte[] program) {
        if (program.length == 0 || program.length % CommandCodec.BYTES != 0) {
            throw new AcceleratorException(AcceleratorException.Kind.BAD_LOAD, "a program is a whole, non-zero number of "
                    + CommandCodec.BYTES + "-byte commands; found " + program.length + " bytes");
        }
        if (program.length > ddr.programBytes()) {
            throw new AcceleratorException(AcceleratorException.Kind.BAD_LOAD, "program of " + program.length / CommandCodec.BYTES
                    + " commands (" + program.length + " bytes) does not fit the " + ddr.programBytes() + "-byte program region");
        }
        long commands = 0;
        int tokens = 0;
        int values = 0;
        for (int at = 0; at < program.length; at += CommandCodec.BYTES) {
            CommandCodec.Raw r = CommandCodec.raw(program, at);
            Opcode op = Opcode.of(r.opcode());
            if (op == Opcode.END) {
                break;
            }
            if (op != Opcode.BARRIER) {
                commands++;
            }
            if (op == Opcode.STORE) {
                tokens = r.tokens();
                values = r.outSize();
            }
        }
        long out = (long) tokens * values * Features.BYTES_PER_VALUE;
        if (out > ddr.outputBytes()) {
            throw new AcceleratorException(AcceleratorException.Kind.BAD_LOAD, "the program's STORE writes " + tokens + " x " + values
                    + " values (" + out + " bytes), more than the " + ddr.outputBytes() + "-byte output region");
        }
        programBytes = -1;
        bus.memWrite(ddr.programAddr(), program, 0, program.length);
        programBytes = program.length;
        programCommands = commands;
        outTokens = tokens;
        outValues = values;
    }

    /** Copies the input image ({@link InputImage}: 3 x 128 x 256 bytes) into the input region. */
    public void loadInput(byte[] pixels) {
        if (pixels.length != InputImage.BYTES) {
            throw new AcceleratorException(AcceleratorException.Kind.BAD_LOAD, "input image: expected " + InputImage.BYTES
                    + " bytes (3 x 128 x 256, UQ0.8), found " + pixels.length);
        }
        input = false;
        bus.memWrite(ddr.inputAddr(), pixels, 0, pixels.length);
        input = true;
    }

    /** STATUS (IDLE, DONE, ERROR bits). */
    public int status() {
        return bus.regRead(STATUS);
    }

    /** Whether a run is in progress. */
    public boolean busy() {
        return (status() & STATUS_IDLE_MASK) == 0;
    }

    /** Sets every address register and the task, clears and enables the interrupts, and starts the run. */
    public void start(Task task) {
        StringBuilder missing = new StringBuilder();
        if (weightsBytes < 0) {
            missing.append(" weights");
        }
        if (programBytes < 0) {
            missing.append(" program");
        }
        if (!input) {
            missing.append(" input");
        }
        if (missing.length() > 0) {
            throw new AcceleratorException(AcceleratorException.Kind.NOT_READY, "cannot start: not loaded:" + missing);
        }
        int st = status();
        if ((st & STATUS_IDLE_MASK) == 0) {
            throw new AcceleratorException(AcceleratorException.Kind.BUSY, String.format("cannot start: a run is in progress (STATUS 0x%x)", st));
        }
        bus.regWrite(IRQ_ENABLE, 0);
        bus.regWrite(IRQ_STATUS, IRQ_STATUS_DONE_MASK | IRQ_STATUS_ERROR_MASK);
        bus.regWrite(TASK, task.index);
        bus.regWrite(PROGRAM_ADDR, (int) ddr.programAddr());
        bus.regWrite(PROGRAM_SIZE, (int) programBytes);
        bus.regWrite(WEIGHTS_ADDR, (int) ddr.weightsAddr());
        bus.regWrite(WEIGHTS_SIZE, (int) weightsBytes);
        bus.regWrite(INPUT_ADDR, (int) ddr.inputAddr());
        bus.regWrite(OUTPUT_ADDR, (int) ddr.outputAddr());
        if (bus.hasInterrupt()) {
            bus.regWrite(IRQ_ENABLE, IRQ_ENABLE_DONE_MASK | IRQ_ENABLE_ERROR_MASK);
        }
        startNanos = bus.nanoTime();
        bus.regWrite(CTRL, CTRL_START_MASK);
        started = task;
    }

    /** Sets the hardware watchdog (cycles without progress before error WATCHDOG; 0 turns it off). */
    public void watchdog(long cycles) {
        if (cycles < 0 || cycles > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("WATCHDOG is a 32-bit cycle count: " + cycles);
        }
        bus.regWrite(WATCHDOG, (int) cycles);
    }

    /**
     * Waits for the run started by {@link #start} to end, at most {@code timeoutNanos} of accelerator time, then
     * returns its features and counters. A run that stops with an error, or does not end in time (it is then
     * aborted), is an {@link AcceleratorException} that says what happened.
     */
    public RunResult waitForEnd(long timeoutNanos, Progress progress) {
        if (started == null) {
            throw new AcceleratorException(AcceleratorException.Kind.NOT_READY, "no run was started");
        }
        Task task = started;
        long deadline = startNanos + timeoutNanos;
        int st;
        while (true) {
            st = bus.regRead(STATUS);
            long now = bus.nanoTime();
            boolean ended = (st & STATUS_IDLE_MASK) != 0 && (st & (STATUS_DONE_MASK | STATUS_ERROR_MASK)) != 0;
            if (progress != null) {
                long done = ended && (st & STATUS_DONE_MASK) != 0 ? programCommands
                        : Math.min(Integer.toUnsignedLong(bus.regRead(PERF_COMMANDS)), programCommands);
                progress.update(done, programCommands, now - startNanos);
            }
            if (ended) {
                break;
            }
            if (now - deadline >= 0) {
                started = null;
                throw timeout(st, now - startNanos);
            }
            long slice = Math.min(pollNanos, deadline - now);
            if (bus.hasInterrupt()) {
                bus.awaitInterrupt(slice);
            } else {
                bus.pause(slice);
            }
        }
        long elapsed = bus.nanoTime() - startNanos;
        started = null;
        bus.regWrite(IRQ_STATUS, IRQ_STATUS_DONE_MASK | IRQ_STATUS_ERROR_MASK);
        PerfCounters perf = PerfCounters.read(bus);
        if ((st & STATUS_ERROR_MASK) != 0) {
            throw hardwareError(st, perf);
        }
        return new RunResult(readOutput(), perf, task, elapsed);
    }

    /** {@link #start} then {@link #waitForEnd}. */
    public RunResult run(Task task, long timeoutNanos, Progress progress) {
        start(task);
        return waitForEnd(timeoutNanos, progress);
    }

    /** The output features of the last run (the last STORE's size, in the weights' resid format). */
    public Features readOutput() {
        if (resid == null) {
            throw new AcceleratorException(AcceleratorException.Kind.NOT_READY, "no weights loaded: the features' format is unknown");
        }
        byte[] out = new byte[outTokens * outValues * Features.BYTES_PER_VALUE];
        bus.memRead(ddr.outputAddr(), out, 0, out.length);
        return Features.fromBytes(out, outTokens, outValues, resid);
    }

    /** The performance counters (of the last run, or of the one in progress so far). */
    public PerfCounters perf() {
        return PerfCounters.read(bus);
    }

    /**
     * The command trace of the last run (or of the one in progress so far): a stamp per command with the cycle and
     * DDR byte counters; {@link CommandProfile#rows} turns it into the per-command profile.
     */
    public CommandProfile trace() {
        return CommandProfile.read(bus);
    }

    /** Writes CTRL.ABORT and waits (at most {@link #ABORT_NANOS}) until the accelerator is idle; true if it is. */
    public boolean abort() {
        bus.regWrite(CTRL, CTRL_ABORT_MASK);
        long end = bus.nanoTime() + ABORT_NANOS;
        while ((bus.regRead(STATUS) & STATUS_IDLE_MASK) == 0) {
            if (bus.nanoTime() - end >= 0) {
                return false;
            }
            bus.pause(Math.min(pollNanos, ABORT_NANOS / 10));
        }
        bus.regWrite(IRQ_STATUS, IRQ_STATUS_DONE_MASK | IRQ_STATUS_ERROR_MASK);
        started = null;
        return true;
    }

    private AcceleratorException timeout(int st, long waited) {
        long commands = Integer.toUnsignedLong(bus.regRead(PERF_COMMANDS));
        long cycles = Integer.toUnsignedLong(bus.regRead(PERF_CYCLES));
        boolean stopped = abort();
        int code = bus.regRead(ERROR_CODE) & ERROR_CODE_CODE_MASK;
        String after = stopped ? "aborted: the accelerator is idle again (ERROR_CODE " + name(code) + ")"
                : "ABORT did not bring it back to IDLE within " + ABORT_NANOS / 1000 + " us: reset the accelerator (PL reset or reload the bitstream)";
        return new AcceleratorException(AcceleratorException.Kind.TIMEOUT, String.format("%s: no DONE or ERROR after %s of accelerator time: "
                + "STATUS 0x%x (%s), %d of %d commands dispatched, PERF_CYCLES %d; %s", bus.describe(), seconds(waited), st,
                (st & STATUS_IDLE_MASK) != 0 ? "idle, not started" : "busy", commands, programCommands, cycles, after),
                stopped ? ErrorCode.ABORTED : ErrorCode.NONE, -1, -1, 0);
    }

    private AcceleratorException hardwareError(int st, PerfCounters perf) {
        int code = bus.regRead(ERROR_CODE) & ERROR_CODE_CODE_MASK;
        int info = bus.regRead(ERROR_INFO);
        long addr = Integer.toUnsignedLong(bus.regRead(ERROR_ADDR));
        int index = (info & ERROR_INFO_INDEX_MASK) >>> ERROR_INFO_INDEX_SHIFT;
        int opcode = (info & ERROR_INFO_OPCODE_MASK) >>> ERROR_INFO_OPCODE_SHIFT;
        ErrorCode e;
        try {
            e = ErrorCode.of(code);
        } catch (IllegalArgumentException x) {
            e = null;
        }
        Opcode op = Opcode.of(opcode);
        boolean hasAddr = e == ErrorCode.DDR_READ || e == ErrorCode.DDR_WRITE || e == ErrorCode.ADDRESS_RANGE && addr != 0;
        String msg = String.format("%s: the run stopped with error %s at command %d (opcode 0x%02x%s)%s after %d cycles, %d commands "
                + "dispatched; STATUS 0x%x", bus.describe(), name(code), index, opcode, op == null ? ", unknown" : " " + op,
                hasAddr ? String.format(", address 0x%08x", addr) : "", perf.cycles(), perf.commands(), st);
        return new AcceleratorException(AcceleratorException.Kind.HARDWARE_ERROR, msg, e == null ? ErrorCode.NONE : e, index, opcode, addr);
    }

    /** An error code as "NAME (code: meaning)". */
    static String name(int code) {
        for (ErrorCode e : ErrorCode.values()) {
            if (e.code == code) {
                return e + " (" + code + ": " + e.meaning + ")";
            }
        }
        return "code " + code + " (not in this driver's table: a newer bitstream?)";
    }

    private static String seconds(long nanos) {
        return String.format("%.6f s", nanos / 1e9);
    }

    /** Closes the backend. */
    @Override
    public void close() {
        bus.close();
    }
}
