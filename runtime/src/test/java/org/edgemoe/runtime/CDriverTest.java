package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.isa.Command;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.Opcode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C driver (edgemoe.c, compiled with -std=c99 -Wall -Wextra -Werror) over JNI, its platform calls answered by
 * the control plane in Verilator ({@link ControlPlaneTarget} behind a {@link SimulationBackend}): the registers it
 * sets (its layout against the Java driver's), both tasks with the interrupt and by polling, the features and
 * counters it reads; hardware errors, a timeout and the watchdog with its messages; its weight-image checks
 * against the Java loader's on every corruption; its tables against the instruction set.
 */
class CDriverTest {
    static final long HASH = ImageConfig.defaults().hash();

    @BeforeAll
    static void load() {
        NativeDriver.load();
    }

    /** A small real weight image (header, table, CRCs) for the default configuration. */
    static WeightImage image() {
        FixFormat w = Formats.dsp18().weightLinear();
        long[] a = new long[64];
        long[] b = new long[16];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 2654435761L % 65536) - 32768;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 1000 - 77L * i;
        }
        return WeightImage.builder(ImageConfig.defaults()).add(TensorSpec.rowMajor("a", w, 8, 8), a)
                .add(TensorSpec.rowMajor("b", w, 16), b).build();
    }

    /** One C driver on one simulated control plane. */
    static final class Rig implements AutoCloseable {
        final ControlPlaneTarget target = new ControlPlaneTarget();
        final SimulationBackend backend;
        final long h;

        Rig(boolean irq) {
            backend = AcceleratorTest.backend(target).interrupts(irq);
            h = NativeDriver.driverCreate(backend);
        }

        void ok(int status) {
            assertEquals(0, status, NativeDriver.statusName(status) + ": " + NativeDriver.driverMessage(h));
        }

        void expect(int status, String name) {
            assertEquals(name, NativeDriver.statusName(status), NativeDriver.driverMessage(h));
        }

        String message() {
            return NativeDriver.driverMessage(h);
        }

        long[] lastError() {
            long[] e = new long[5];
            NativeDriver.driverLastError(h, e);
            return e;
        }

        void loadAll(byte[] program) {
            ok(NativeDriver.driverOpen(h));
            ok(NativeDriver.driverLoadWeights(h, image().bytes(), HASH));
            ok(NativeDriver.driverLoadProgram(h, program));
            ok(NativeDriver.driverLoadInput(h, AcceleratorTest.pixels()));
        }

        int run(int task, long timeoutUs, Accelerator.Progress p) {
            int s = NativeDriver.driverStart(h, task);
            return s != 0 ? s : NativeDriver.driverWait(h, timeoutUs, p);
        }

        @Override
        public void close() {
            NativeDriver.driverFree(h);
            backend.close();
        }
    }

    @Test
    void runsBothTasksOnTheSimulatedControlPlaneWithTheJavaDriversLayout() {
        for (boolean irq : new boolean[] {true, false}) {
            try (Rig r = new Rig(irq)) {
                byte[] program = AcceleratorTest.STORE_PROGRAM;
                r.loadAll(program);
                DdrLayout l = DdrLayout.standard(r.backend.memBase(), r.backend.memSize());
                assertArrayEquals(image().bytes(), r.target.memory().read(l.weightsAddr(), image().size()), "weights where Java puts them");
                assertArrayEquals(program, r.target.memory().read(l.programAddr(), program.length));
                assertArrayEquals(AcceleratorTest.pixels(), r.target.memory().read(l.inputAddr(), InputImage.BYTES));
                assertEquals(129 * 192, NativeDriver.driverOutputValues(r.h));
                assertEquals(129, NativeDriver.driverOutputTokens(r.h));
                for (int task = 0; task < 2; task++) {
                    List<long[]> progress = new ArrayList<>();
                    r.ok(r.run(task, 1000, (done, total, ns) -> progress.add(new long[] {done, total, ns})));
                    int[] raw = new int[129 * 192];
                    r.ok(NativeDriver.driverReadOutput(r.h, raw));
                    Features f = new Features(129, 192, raw, AcceleratorTest.RESID);
                    AcceleratorTest.assertFeatures(f, task);
                    assertArrayEquals(f.toFloat(), NativeDriver.toFloat(raw, AcceleratorTest.RESID.fracBits()), "float conversion as Java's");
                    long[] perf = new long[10];
                    r.ok(NativeDriver.driverReadPerf(r.h, perf));
                    assertTrue(perf[0] > 0, "PERF_CYCLES");
                    assertEquals(program.length, perf[6], "PERF_DDR_RD_BYTES: the program fetch");
                    assertEquals(1, perf[9], "PERF_COMMANDS");
                    assertEquals(task, r.target.regRead(EdgeMoeRegs.TASK));
                    assertEquals(l.programAddr(), Integer.toUnsignedLong(r.target.regRead(EdgeMoeRegs.PROGRAM_ADDR)));
                    assertEquals(program.length, r.target.regRead(EdgeMoeRegs.PROGRAM_SIZE));
                    assertEquals(l.weightsAddr(), Integer.toUnsignedLong(r.target.regRead(EdgeMoeRegs.WEIGHTS_ADDR)));
                    assertEquals(image().size(), r.target.regRead(EdgeMoeRegs.WEIGHTS_SIZE));
                    assertEquals(l.inputAddr(), Integer.toUnsignedLong(r.target.regRead(EdgeMoeRegs.INPUT_ADDR)));
                    assertEquals(l.outputAddr(), Integer.toUnsignedLong(r.target.regRead(EdgeMoeRegs.OUTPUT_ADDR)));
                    assertEquals(irq ? 3 : 0, r.target.regRead(EdgeMoeRegs.IRQ_ENABLE));
                    assertEquals(0, r.target.regRead(EdgeMoeRegs.IRQ_STATUS));
                    long[] last = progress.get(progress.size() - 1);
                    assertArrayEquals(new long[] {1, 1}, new long[] {last[0], last[1]}, "progress ends with the command done");
                    assertEquals("", r.message());
                }
                assertEquals(2, r.target.stores);
            }
        }
    }

    @Test
    void hardwareErrorsTimeoutAndWatchdogSayWhatHappenedAndTheNextRunWorks() {
        try (Rig r = new Rig(true)) {
            byte[] bad = AcceleratorTest.STORE_PROGRAM.clone();
            bad[32] = 0x42;
            r.loadAll(bad);
            r.expect(r.run(0, 1000, null), "EDGEMOE_E_HARDWARE");
            assertTrue(r.message().startsWith("the run stopped with error BAD_OPCODE (1: unknown opcode) at command 1 (opcode 0x42 unknown)"),
                    r.message());
            long[] e = r.lastError();
            assertEquals(List.of(1L, 1L, 0x42L), List.of(e[0], e[1], e[2]));
            assertEquals(0b101, e[4], "STATUS: IDLE and ERROR");

            r.ok(NativeDriver.driverLoadProgram(r.h, AcceleratorTest.program(Command.of(Opcode.BARRIER))));
            r.expect(r.run(1, 1000, null), "EDGEMOE_E_HARDWARE");
            assertEquals(ErrorCode.NO_END.code, r.lastError()[0]);
            assertTrue(r.message().contains("NO_END (6: PROGRAM_SIZE reached without END)"), r.message());

            r.ok(NativeDriver.driverLoadProgram(r.h, AcceleratorTest.STORE_PROGRAM));
            long prog = r.backend.memBase();
            r.target.ddr().injectError(prog + 32, prog + 48, 3);
            r.expect(r.run(0, 1000, null), "EDGEMOE_E_HARDWARE");
            assertEquals(ErrorCode.DDR_READ.code, r.lastError()[0]);
            assertTrue(r.message().contains(String.format(", address 0x%08x", r.lastError()[3])), r.message());
            r.target.ddr().clearErrors();

            r.target.stuck(true);
            r.ok(NativeDriver.driverSetWatchdog(r.h, 0));
            long c0 = r.target.cycle();
            r.expect(r.run(0, 200, null), "EDGEMOE_E_TIMEOUT");
            String m = r.message();
            assertTrue(m.startsWith("no DONE or ERROR after 0.0002") && m.contains("STATUS 0x0 (busy), 0 of 1 commands dispatched")
                    && m.endsWith("aborted: the accelerator is idle again (ERROR_CODE ABORTED)"), m);
            assertEquals(ErrorCode.ABORTED.code, r.lastError()[0]);
            long cycles = r.target.cycle() - c0;
            assertTrue(cycles >= 60_000 && cycles < 70_000, "200 us at 300 MHz and the abort: " + cycles);

            r.ok(NativeDriver.driverSetWatchdog(r.h, 1500));
            r.expect(r.run(0, 1000, null), "EDGEMOE_E_HARDWARE");
            assertEquals(ErrorCode.WATCHDOG.code, r.lastError()[0]);
            assertEquals(1, r.lastError()[1], "the STORE never taken");

            r.target.stuck(false);
            r.ok(r.run(1, 1000, null));
            int[] raw = new int[129 * 192];
            r.ok(NativeDriver.driverReadOutput(r.h, raw));
            AcceleratorTest.assertFeatures(new Features(129, 192, raw, AcceleratorTest.RESID), 1);
        }
    }

    @Test
    void refusesWhatItCannotDoWithWhatWasWrong() {
        try (Rig r = new Rig(true)) {
            r.expect(NativeDriver.driverStart(r.h, 0), "EDGEMOE_E_NOT_READY");
            r.ok(NativeDriver.driverOpen(r.h));
            r.expect(NativeDriver.driverStart(r.h, 0), "EDGEMOE_E_NOT_READY");
            assertEquals("cannot start: not loaded: weights program input", r.message());
            r.expect(NativeDriver.driverWait(r.h, 10, null), "EDGEMOE_E_NOT_READY");
            r.expect(NativeDriver.driverLoadInput(r.h, new byte[7]), "EDGEMOE_E_ARG");
            assertEquals("input image: expected 98304 bytes (3 x 128 x 256, UQ0.8), found 7", r.message());
            r.expect(NativeDriver.driverLoadProgram(r.h, new byte[40]), "EDGEMOE_E_ARG");
            r.expect(NativeDriver.driverLoadProgram(r.h, new byte[0x10020]), "EDGEMOE_E_TOO_BIG");
            r.expect(NativeDriver.driverLoadProgram(r.h, AcceleratorTest.program(AcceleratorTest.store(256, 768))), "EDGEMOE_E_TOO_BIG");
            assertTrue(r.message().contains("STORE writes 256 x 768 values (786432 bytes), more than the 196608-byte output region"), r.message());
            byte[] big = bigImage((int) r.backend.memSize());
            r.expect(NativeDriver.driverLoadWeights(r.h, big, 0), "EDGEMOE_E_TOO_BIG");
            assertTrue(r.message().contains("allocate at least " + (0x60000L + big.length) + " bytes"), r.message());
            r.ok(NativeDriver.driverLoadWeights(r.h, image().bytes(), HASH));
            r.ok(NativeDriver.driverLoadProgram(r.h, AcceleratorTest.STORE_PROGRAM));
            r.ok(NativeDriver.driverLoadInput(r.h, AcceleratorTest.pixels()));
            r.expect(NativeDriver.driverStart(r.h, 2), "EDGEMOE_E_ARG");
            int[] wrong = new int[10];
            r.expect(NativeDriver.driverReadOutput(r.h, wrong), "EDGEMOE_E_ARG");
            assertTrue(r.message().contains("writes 24768 values (129 x 192), the output array has 10"), r.message());
        }
        try (Rig r = new Rig(true)) {
            r.target.stuck(true);
            r.loadAll(AcceleratorTest.STORE_PROGRAM);
            r.ok(NativeDriver.driverStart(r.h, 0));
            r.backend.pause(5000);
            long other = NativeDriver.driverCreate(r.backend);
            try {
                NativeDriver.driverOpen(other);
                assertTrue(NativeDriver.driverMessage(other).startsWith("a run is in progress (STATUS 0x0)"), NativeDriver.driverMessage(other));
            } finally {
                NativeDriver.driverFree(other);
            }
            r.ok(NativeDriver.driverAbort(r.h));
            assertEquals(1, r.target.regRead(EdgeMoeRegs.STATUS) & 1, "idle after the abort");
        }
        SimulationBackend none = new SimulationBackend(new AcceleratorTest.Nothing(), 300e6, 0x1000_0000L, 1 << 20, "nothing");
        long h = NativeDriver.driverCreate(none);
        try {
            assertEquals("EDGEMOE_E_NO_DEVICE", NativeDriver.statusName(NativeDriver.driverOpen(h)));
            assertEquals("the ID register reads 0xdeadbeef, expected 0xed6d0001 (EdgeMoeAccelerator, register map v1): wrong register "
                    + "window, or the bitstream is not loaded", NativeDriver.driverMessage(h));
        } finally {
            NativeDriver.driverFree(h);
        }
    }

    /** A valid image of {@code bytes} bytes or more (one big tensor). */
    static byte[] bigImage(int bytes) {
        int n = bytes / 2 + 1;
        return WeightImage.builder(ImageConfig.defaults()).add(TensorSpec.rowMajor("big", Formats.dsp18().weightLinear(), n), new long[n])
                .build().bytes();
    }

    private static void put32(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    }

    /** The header CRC recomputed, as a corruption that is not about the CRC needs. */
    private static void fixCrc(byte[] b) {
        int header = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        CRC32 c = new CRC32();
        c.update(b, 0, 36);
        c.update(new byte[4]);
        c.update(b, 40, header - 40);
        put32(b, 36, (int) c.getValue());
    }

    private record Corruption(String what, Consumer<byte[]> change, String cSays, String javaSays) { }

    @Test
    void checksEveryWeightImageCorruptionAsTheJavaLoaderDoes() {
        byte[] good = image().bytes();
        assertNull(NativeDriver.checkImage(good, HASH));
        assertNull(NativeDriver.checkImage(good, 0), "0: any configuration");
        List<Corruption> cases = List.of(
                new Corruption("short", null, "too short for a weight image header: expected at least 40 bytes, found 20", "too short"),
                new Corruption("magic", b -> b[0] = 'X', "not a weight image: expected magic \"EMOEWIMG\", found 58 4d 4f", "not a weight image"),
                new Corruption("version", b -> {
                    put32(b, 8, 2);
                    fixCrc(b);
                }, "layout version: expected 1, found 2", "layout version: expected 1, found 2"),
                new Corruption("hash", b -> {
                    b[16] ^= 1;
                    fixCrc(b);
                }, "packed for another configuration: expected hash", "packed for another configuration"),
                new Corruption("header size", b -> {
                    put32(b, 12, 41);
                    fixCrc(b);
                }, "header size: expected 40 + 128 x 2 tensors bytes", "header size"),
                new Corruption("image size", b -> {
                    b[24] ^= 8;
                    fixCrc(b);
                }, "image size: expected", "file size"),
                new Corruption("header crc", b -> b[40 + 3] ^= 1, "header CRC-32: expected", "header CRC-32"),
                new Corruption("tensor crc", b -> b[4096 + 5] ^= 1, "tensor a CRC-32: expected", "tensor a CRC-32"),
                new Corruption("tensor offset", b -> {
                    b[40 + 128 + 64] += 4;
                    fixCrc(b);
                }, "tensor b at offset 8196 (32 bytes): expected a 4096-aligned range", "tensor b at offset 8196"));
        for (Corruption c : cases) {
            byte[] b = c.change() == null ? java.util.Arrays.copyOf(good, 20) : good.clone();
            if (c.change() != null) {
                c.change().accept(b);
            }
            String msg = NativeDriver.checkImage(b, HASH);
            assertNotNull(msg, c.what() + ": the C driver accepted it");
            assertTrue(msg.startsWith(c.cSays()), c.what() + ": " + msg);
            WeightImageException j = assertThrows(WeightImageException.class, () -> WeightImage.parse(Path.of("x.img"), b,
                    ImageConfig.defaults(), List.of(TensorSpec.rowMajor("a", Formats.dsp18().weightLinear(), 8, 8),
                            TensorSpec.rowMajor("b", Formats.dsp18().weightLinear(), 16))), c.what());
            assertTrue(j.getMessage().contains(c.javaSays()), c.what() + " (Java): " + j.getMessage());
        }
        try (Rig r = new Rig(true)) {
            r.ok(NativeDriver.driverOpen(r.h));
            byte[] b = good.clone();
            b[4096] ^= 1;
            r.expect(NativeDriver.driverLoadWeights(r.h, b, HASH), "EDGEMOE_E_IMAGE");
            assertTrue(r.message().startsWith("tensor a CRC-32"), r.message());
            assertEquals(0, r.target.memory().readInt(r.backend.memBase() + DdrLayout.WEIGHTS_OFFSET), "nothing copied");
        }
    }

    @Test
    void embedsTheRealImageInTheFullSystemSimulationBitExactToTheGoldenModel() {
        java.nio.file.Path folder = org.edgemoe.model.WeightFolder.locate().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(folder != null, org.edgemoe.model.WeightFolder.absentMessage());
        org.edgemoe.model.hw.QuantizedWeights q = new org.edgemoe.model.hw.QuantizedWeights(
                org.edgemoe.model.M3VitWeights.load(folder), Formats.dsp18());
        WeightImage img = M3VitImage.pack(q, ImageConfig.defaults());
        byte[] px = new byte[InputImage.BYTES];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) q.pixels()[i];
        }
        byte[] program = new org.edgemoe.rtl.isa.ProgramBuilder(img.index(), 129).embed("patch_embed", "pos_embed")
                .store(org.edgemoe.rtl.isa.Buf.RES, 192).end().encode();
        try (SimulationBackend b = new SimulationBackend(org.edgemoe.runtime.sim.SystemSim.open(), 300e6, SimulationBackend.DEFAULT_BASE,
                SimulationBackend.DEFAULT_SIZE, "full-system simulation")) {
            long h = NativeDriver.driverCreate(b);
            try {
                assertEquals(0, NativeDriver.driverOpen(h), NativeDriver.driverMessage(h));
                assertEquals(0, NativeDriver.driverLoadWeights(h, img.bytes(), HASH), NativeDriver.driverMessage(h));
                assertEquals(0, NativeDriver.driverLoadProgram(h, program), NativeDriver.driverMessage(h));
                assertEquals(0, NativeDriver.driverLoadInput(h, px), NativeDriver.driverMessage(h));
                assertEquals(0, NativeDriver.driverStart(h, 0), NativeDriver.driverMessage(h));
                assertEquals(0, NativeDriver.driverWait(h, 100_000, null), NativeDriver.driverMessage(h));
                int[] raw = new int[129 * 192];
                assertEquals(0, NativeDriver.driverReadOutput(h, raw), NativeDriver.driverMessage(h));
                long[][] want = new org.edgemoe.model.hw.HwModel(q).embed();
                for (int t = 0; t < 129; t++) {
                    for (int c = 0; c < 192; c++) {
                        assertEquals(want[t][c], raw[t * 192 + c], "token " + t + " value " + c);
                    }
                }
                long[] perf = new long[10];
                assertEquals(0, NativeDriver.driverReadPerf(h, perf));
                assertEquals(2, perf[9], "EMBED and STORE dispatched");
                assertEquals(129L * 192 * 4, perf[7], "PERF_DDR_WR_BYTES: the stored features");
                assertTrue(perf[5] > 0, "the embedding unit was busy");
                System.out.printf("SIM cdriver.embed %d cycles%n", perf[0]);
            } finally {
                NativeDriver.driverFree(h);
            }
        }
    }

    @Test
    void tablesCrcAndLayoutMatchTheJavaSide() throws Exception {
        for (ErrorCode e : ErrorCode.values()) {
            assertEquals(e.name(), NativeDriver.errorName(e.code));
            assertEquals(e.meaning, NativeDriver.errorMeaning(e.code));
        }
        assertEquals("UNKNOWN", NativeDriver.errorName(ErrorCode.values().length));
        Random rnd = new Random(7);
        for (int n : new int[] {0, 1, 3, 4096, 100_003}) {
            byte[] d = new byte[n];
            rnd.nextBytes(d);
            CRC32 c = new CRC32();
            c.update(d);
            assertEquals((int) c.getValue(), NativeDriver.crc32(d), n + " bytes");
        }
        String h = Files.readString(Path.of("src/main/c/edgemoe.h"));
        assertEquals(DdrLayout.PROGRAM_OFFSET, define(h, "EDGEMOE_DDR_PROGRAM_OFFSET"));
        assertEquals(DdrLayout.PROGRAM_BYTES, define(h, "EDGEMOE_DDR_PROGRAM_BYTES"));
        assertEquals(DdrLayout.INPUT_OFFSET, define(h, "EDGEMOE_DDR_INPUT_OFFSET"));
        assertEquals(DdrLayout.INPUT_BYTES, define(h, "EDGEMOE_DDR_INPUT_BYTES"));
        assertEquals(DdrLayout.OUTPUT_OFFSET, define(h, "EDGEMOE_DDR_OUTPUT_OFFSET"));
        assertEquals(DdrLayout.OUTPUT_BYTES, define(h, "EDGEMOE_DDR_OUTPUT_BYTES"));
        assertEquals(DdrLayout.WEIGHTS_OFFSET, define(h, "EDGEMOE_DDR_WEIGHTS_OFFSET"));
        assertEquals(InputImage.BYTES, define(h, "EDGEMOE_INPUT_BYTES"));
        assertEquals(org.edgemoe.rtl.top.ControlRegisters.ID_VALUE & 0xFFFFFFFFL, define(h, "EDGEMOE_ID_VALUE"));
        assertEquals(WeightImage.VERSION, define(h, "EDGEMOE_IMAGE_VERSION"));
        assertEquals(WeightImage.FIXED_HEADER, define(h, "EDGEMOE_IMAGE_FIXED_HEADER"));
        assertEquals(WeightImage.ENTRY_BYTES, define(h, "EDGEMOE_IMAGE_ENTRY_BYTES"));
        for (Task t : Task.values()) {
            assertEquals(t.index, define(h, "EDGEMOE_TASK_" + t.name()));
        }
    }

    static long define(String header, String name) {
        Matcher m = Pattern.compile("#define " + name + " (0x[0-9A-Fa-f]+|[0-9]+)u").matcher(header);
        assertTrue(m.find(), name + " not in edgemoe.h");
        return Long.decode(m.group(1));
    }

    @Test
    void theDriverAndItsLinuxPlatformCompileStrictlyAsC99(@TempDir Path dir) {
        for (String s : NativeDriver.SOURCES) {
            assertDoesNotThrow(() -> Files.writeString(dir.resolve(s), NativeDriver.source(s)));
        }
        NativeDriver.run(dir, List.of(NativeDriver.compiler(), "-std=c99", "-pedantic", "-Wall", "-Wextra", "-Werror", "-Wconversion",
                "-Wno-sign-conversion", "-c", "edgemoe.c", "-o", "edgemoe.o"));
        NativeDriver.run(dir, List.of(NativeDriver.compiler(), "-std=c99", "-Wall", "-Wextra", "-Werror", "-c", "edgemoe_linux.c", "-o",
                "edgemoe_linux.o"));
        NativeDriver.run(dir, List.of(NativeDriver.compiler(), "-x", "c++", "-std=c++11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only",
                "edgemoe_linux.h"));
    }
}
