package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Command;
import org.edgemoe.rtl.isa.CommandCodec;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.top.ControlRegisters;
import org.edgemoe.sim.axi.DdrMemory;
import org.junit.jupiter.api.Test;

/**
 * The Java driver against the control plane in Verilator (the units replaced by {@link ControlPlaneTarget}): the
 * registers it sets, the program it loads and the features it reads back, both tasks, with the interrupt and by
 * polling; hardware errors, a DDR error, a stuck run (timeout, abort) and the watchdog end with an exception that
 * names what happened, and the next run works without a reset.
 */
class AcceleratorTest {
    static final FixFormat RESID = Formats.dsp18().resid();
    static final byte[] WEIGHTS = new byte[8192];

    static byte[] program(Command... commands) {
        return CommandCodec.encode(List.of(commands));
    }

    static Command store(int tokens, int values) {
        return new Command(Opcode.STORE, 0, Buf.RES, Buf.RES, Buf.RES, 0, 0, 0, values, tokens, 0, 0, 0);
    }

    static final byte[] STORE_PROGRAM = program(Command.of(Opcode.BARRIER), store(129, 192), Command.of(Opcode.BARRIER), Command.of(Opcode.END));

    static byte[] pixels() {
        byte[] px = new byte[InputImage.BYTES];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 31);
        }
        return px;
    }

    static SimulationBackend backend(ControlPlaneTarget t) {
        return new SimulationBackend(t, 300e6, SimulationBackend.DEFAULT_BASE, 4L << 20, "control plane (Verilator)");
    }

    static Accelerator loaded(SimulationBackend b, byte[] program) {
        Accelerator acc = Accelerator.open(b);
        acc.loadWeights(WEIGHTS, RESID);
        acc.loadProgram(program);
        acc.loadInput(pixels());
        return acc;
    }

    static void assertFeatures(Features f, int task) {
        assertEquals(129, f.tokens());
        assertEquals(192, f.values());
        float[] x = f.toFloat();
        for (int t = 0; t < 129; t++) {
            for (int c = 0; c < 192; c++) {
                int want = ControlPlaneTarget.value(t, c, task);
                assertEquals(want, f.raw(t, c), "token " + t + " value " + c);
                assertEquals((float) (want / 4194304.0), x[t * 192 + c], "token " + t + " value " + c + " as float");
            }
        }
    }

    @Test
    void runsBothTasksAndReadsTheFeaturesTheCountersAndTheRegistersItSet() {
        for (boolean irq : new boolean[] {true, false}) {
            try (ControlPlaneTarget t = new ControlPlaneTarget(); SimulationBackend b = backend(t).interrupts(irq)) {
                Accelerator acc = loaded(b, STORE_PROGRAM);
                DdrLayout l = acc.layout();
                assertArrayEquals(STORE_PROGRAM, t.memory().read(l.programAddr(), STORE_PROGRAM.length));
                assertArrayEquals(pixels(), t.memory().read(l.inputAddr(), InputImage.BYTES));
                for (Task task : Task.values()) {
                    List<long[]> progress = new ArrayList<>();
                    RunResult r = acc.run(task, 1_000_000, (done, total, ns) -> progress.add(new long[] {done, total, ns}));
                    assertFeatures(r.features(), task.index);
                    assertEquals(task, r.task());
                    assertEquals(1, r.perf().commands(), "PERF_COMMANDS: the STORE (BARRIER and END are not dispatched)");
                    assertEquals(STORE_PROGRAM.length, r.perf().ddrReadBytes(), "PERF_DDR_RD_BYTES: the program fetch");
                    assertTrue(r.perf().cycles() > 0 && r.nanos() > 0, r.toString());
                    assertEquals(task.index, t.regRead(EdgeMoeRegs.TASK));
                    assertEquals(l.programAddr(), Integer.toUnsignedLong(t.regRead(EdgeMoeRegs.PROGRAM_ADDR)));
                    assertEquals(STORE_PROGRAM.length, t.regRead(EdgeMoeRegs.PROGRAM_SIZE));
                    assertEquals(l.weightsAddr(), Integer.toUnsignedLong(t.regRead(EdgeMoeRegs.WEIGHTS_ADDR)));
                    assertEquals(WEIGHTS.length, t.regRead(EdgeMoeRegs.WEIGHTS_SIZE));
                    assertEquals(l.inputAddr(), Integer.toUnsignedLong(t.regRead(EdgeMoeRegs.INPUT_ADDR)));
                    assertEquals(l.outputAddr(), Integer.toUnsignedLong(t.regRead(EdgeMoeRegs.OUTPUT_ADDR)));
                    assertEquals(0, t.regRead(EdgeMoeRegs.IRQ_STATUS), "interrupt status cleared after the run");
                    assertFalse(t.interrupt());
                    assertEquals(irq ? 3 : 0, t.regRead(EdgeMoeRegs.IRQ_ENABLE));
                    long[] last = progress.get(progress.size() - 1);
                    assertEquals(1, last[0], "progress ends with every command done");
                    assertEquals(1, last[1]);
                }
                assertEquals(2, t.stores);
                t.ddr().assertNoViolations();
            }
        }
    }

    @Test
    void hardwareErrorsNameCodeCommandOpcodeAndAddressAndTheNextRunWorks() {
        try (ControlPlaneTarget t = new ControlPlaneTarget(); SimulationBackend b = backend(t)) {
            byte[] bad = STORE_PROGRAM.clone();
            bad[32] = 0x42;
            Accelerator acc = loaded(b, bad);
            AcceleratorException e = assertThrows(AcceleratorException.class, () -> acc.run(Task.SEMSEG, 1_000_000, null));
            assertEquals(AcceleratorException.Kind.HARDWARE_ERROR, e.kind());
            assertEquals(ErrorCode.BAD_OPCODE, e.errorCode());
            assertEquals(1, e.commandIndex());
            assertEquals(0x42, e.opcode());
            assertTrue(e.getMessage().contains("BAD_OPCODE (1: unknown opcode) at command 1 (opcode 0x42, unknown)"), e.getMessage());

            byte[] noEnd = program(Command.of(Opcode.BARRIER), store(4, 16));
            acc.loadProgram(noEnd);
            e = assertThrows(AcceleratorException.class, () -> acc.run(Task.DEPTH, 1_000_000, null));
            assertEquals(ErrorCode.NO_END, e.errorCode());
            assertEquals(2, e.commandIndex());

            acc.loadProgram(STORE_PROGRAM);
            t.ddr().injectError(acc.layout().programAddr() + 32, acc.layout().programAddr() + 48, 2);
            e = assertThrows(AcceleratorException.class, () -> acc.run(Task.SEMSEG, 1_000_000, null));
            assertEquals(ErrorCode.DDR_READ, e.errorCode());
            assertTrue(e.getMessage().contains(String.format("address 0x%08x", e.errorAddr())), e.getMessage());
            assertTrue(e.errorAddr() >= acc.layout().programAddr() && e.errorAddr() <= acc.layout().programAddr() + 32, e.getMessage());
            t.ddr().clearErrors();

            assertFeatures(acc.run(Task.DEPTH, 1_000_000, null).features(), 1);
            assertEquals(0, t.regRead(EdgeMoeRegs.ERROR_CODE), "ERROR_CODE cleared by the good run's START");
        }
    }

    @Test
    void aStuckRunTimesOutIsAbortedAndSaysWhatItSaw() {
        try (ControlPlaneTarget t = new ControlPlaneTarget(); SimulationBackend b = backend(t)) {
            Accelerator acc = loaded(b, STORE_PROGRAM);
            acc.watchdog(0);
            t.stuck(true);
            long c0 = t.cycle();
            AcceleratorException e = assertThrows(AcceleratorException.class, () -> acc.run(Task.SEMSEG, 200_000, null));
            assertEquals(AcceleratorException.Kind.TIMEOUT, e.kind());
            assertEquals(ErrorCode.ABORTED, e.errorCode());
            String m = e.getMessage();
            assertTrue(m.contains("no DONE or ERROR after 0.0002") && m.contains("(busy), 0 of 1 commands dispatched")
                    && m.contains("aborted: the accelerator is idle again (ERROR_CODE ABORTED"), m);
            long cycles = t.cycle() - c0;
            assertTrue(cycles >= 60_000 && cycles < 70_000, "200 us at 300 MHz and the abort: " + cycles + " cycles");
            assertFalse(acc.busy());

            // a second driver while a run hangs: BUSY, it does not touch the run
            acc.start(Task.SEMSEG);
            b.pause(10_000);
            AcceleratorException busy = assertThrows(AcceleratorException.class, () -> Accelerator.open(b));
            assertEquals(AcceleratorException.Kind.BUSY, busy.kind());
            assertTrue(acc.busy());
            assertTrue(acc.abort());

            // the hardware watchdog ends it by itself
            acc.watchdog(2000);
            e = assertThrows(AcceleratorException.class, () -> acc.run(Task.SEMSEG, 1_000_000, null));
            assertEquals(ErrorCode.WATCHDOG, e.errorCode());
            assertEquals(1, e.commandIndex(), "stuck on the STORE");

            t.stuck(false);
            acc.watchdog(ControlRegisters.WATCHDOG_DEFAULT);
            assertFeatures(acc.run(Task.SEMSEG, 1_000_000, null).features(), 0);
        }
    }

    @Test
    void badLoadsAndAStartBeforeLoadingAreRefusedWithWhatWasWrong() {
        try (ControlPlaneTarget t = new ControlPlaneTarget(); SimulationBackend b = backend(t)) {
            Accelerator acc = Accelerator.open(b);
            AcceleratorException e = assertThrows(AcceleratorException.class, () -> acc.start(Task.SEMSEG));
            assertEquals(AcceleratorException.Kind.NOT_READY, e.kind());
            assertEquals("cannot start: not loaded: weights program input", e.getMessage());
            e = assertThrows(AcceleratorException.class, () -> acc.loadInput(new byte[100]));
            assertTrue(e.getMessage().contains("expected 98304 bytes (3 x 128 x 256, UQ0.8), found 100"), e.getMessage());
            e = assertThrows(AcceleratorException.class, () -> acc.loadProgram(new byte[33]));
            assertTrue(e.getMessage().contains("found 33 bytes"), e.getMessage());
            e = assertThrows(AcceleratorException.class, () -> acc.loadProgram(program(store(256, 768))));
            assertTrue(e.getMessage().contains("STORE writes 256 x 768 values (786432 bytes), more than the 196608-byte output region"),
                    e.getMessage());
            long room = acc.layout().weightsBytes();
            e = assertThrows(AcceleratorException.class, () -> acc.loadWeights(new byte[(int) room + 1], RESID));
            assertTrue(e.getMessage().contains(String.format("allocate at least %,d bytes", DdrLayout.WEIGHTS_OFFSET + room + 1)), e.getMessage());
            WeightImage img = WeightImage.builder(ImageConfig.defaults()).add(TensorSpec.rowMajor("x", RESID, 4), new long[4]).build();
            ImageConfig other = new ImageConfig(Formats.published(), 16, 16);
            e = assertThrows(AcceleratorException.class, () -> acc.loadWeights(img, other));
            assertEquals(AcceleratorException.Kind.BAD_LOAD, e.kind());
            acc.loadWeights(img, ImageConfig.defaults());
            assertArrayEquals(img.bytes(), t.memory().read(acc.layout().weightsAddr(), img.size()));
            e = assertThrows(AcceleratorException.class, () -> acc.start(Task.SEMSEG));
            assertEquals("cannot start: not loaded: program input", e.getMessage());
        }
    }

    /** A register window that is not the accelerator (reads 0, as an unmapped AXI region may). */
    static final class Nothing implements SimulationBackend.Target {
        final DdrMemory m = new DdrMemory();
        long cycle;

        @Override public void regWrite(int addr, int value) { }
        @Override public int regRead(int addr) { return addr == EdgeMoeRegs.ID ? 0xDEADBEEF : 0; }
        @Override public DdrMemory memory() { return m; }
        @Override public void run(long cycles) { cycle += cycles; }
        @Override public boolean interrupt() { return false; }
        @Override public long cycle() { return cycle; }
        @Override public void close() { }
    }

    @Test
    void openRefusesAWindowWithoutTheAcceleratorAndBadBuffers() {
        SimulationBackend b = new SimulationBackend(new Nothing(), 300e6, 0x1000_0000L, 1 << 20, "no accelerator here");
        AcceleratorException e = assertThrows(AcceleratorException.class, () -> Accelerator.open(b));
        assertEquals(AcceleratorException.Kind.NO_DEVICE, e.kind());
        assertEquals("no accelerator here: the ID register reads 0xdeadbeef, expected 0xed6d0001 (EdgeMoeAccelerator, register map v1): "
                + "wrong register window, or the bitstream is not loaded", e.getMessage());
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> new SimulationBackend(new Nothing(), 300e6, 0xFFF0_0000L, 2 << 20, "x"));
        assertTrue(high.getMessage().contains("reaches past 4 GB"), high.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SimulationBackend(new Nothing(), 300e6, 0x1000_0800L, 2 << 20, "x"));
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> b.memWrite(0x1010_0000L, new byte[1], 0, 1));
        assertTrue(out.getMessage().contains("outside the buffer [0x10000000, 0x10100000)"), out.getMessage());
    }
}
