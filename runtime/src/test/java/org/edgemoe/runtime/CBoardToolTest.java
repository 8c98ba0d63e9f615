package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edgemoe.model.hw.Formats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C driver's board tool ({@code edgemoe_run}, built by runtime/src/main/c/Makefile with -Werror) on a file
 * standing in for /dev/mem, the test playing the accelerator by what it leaves in the file: no accelerator there
 * (exit 4), a run that never ends (timeout, exit 3, aborted), a hardware error (exit 3 with the code), and a run
 * whose DONE is already set, so the tool reads the features the test put at OUTPUT_ADDR: the registers it wrote,
 * the weights, program and input it copied, and its .npy byte for byte as the Java driver's.
 */
class CBoardToolTest {
    static final long REGS = 0x3000;
    static final long BUF = 0x10_0000;
    static final long BUF_BYTES = 0x20_0000;

    @TempDir
    static Path build;

    static Path tool;

    @TempDir
    Path dir;

    @BeforeAll
    static void make() {
        NativeDriver.run(Path.of("src/main/c"), List.of("make", "-s", "O=" + build.toAbsolutePath()));
        tool = build.resolve("edgemoe_run");
        assertTrue(Files.isExecutable(tool));
    }

    record Result(int code, String out, String err) { }

    static Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static WeightImage image() {
        org.edgemoe.hdl.fixed.FixFormat resid = Formats.dsp18().resid();
        long[] pos = {1, -2, 3, -4};
        return WeightImage.builder(ImageConfig.defaults()).add(TensorSpec.rowMajor("pos_embed", resid, 4), pos).build();
    }


    Path mem;
    Path[] files = new Path[3];

    void setUp(int status, int errorCode) throws Exception {
        mem = dir.resolve("mem");
        try (RandomAccessFile f = new RandomAccessFile(mem.toFile(), "rw")) {
            f.setLength(BUF + BUF_BYTES);
            put(f, REGS + EdgeMoeRegs.ID, org.edgemoe.rtl.top.ControlRegisters.ID_VALUE);
            put(f, REGS + EdgeMoeRegs.STATUS, status);
            put(f, REGS + EdgeMoeRegs.ERROR_CODE, errorCode);
            put(f, REGS + EdgeMoeRegs.ERROR_INFO, 2 | 0x07 << 16);
            put(f, REGS + EdgeMoeRegs.PERF_CYCLES, 12345);
            for (int t = 0; t < 129; t++) {
                for (int c = 0; c < 192; c++) {
                    put(f, BUF + DdrLayout.OUTPUT_OFFSET + 4L * (t * 192 + c), ControlPlaneTarget.value(t, c, 1));
                }
            }
        }
        files[0] = dir.resolve("w.img");
        image().write(files[0]);
        files[1] = dir.resolve("p.prog");
        Files.write(files[1], AcceleratorTest.STORE_PROGRAM);
        files[2] = dir.resolve("in.px");
        Files.write(files[2], AcceleratorTest.pixels());
    }

    static void put(RandomAccessFile f, long at, int v) throws Exception {
        f.seek(at);
        f.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    static int get(Path f, long at) throws Exception {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            byte[] b = new byte[4];
            r.seek(at);
            r.readFully(b);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
    }

    static byte[] bytes(Path f, long at, int n) throws Exception {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            byte[] b = new byte[n];
            r.seek(at);
            r.readFully(b);
            return b;
        }
    }

    Result tool(String task, String out, String... extra) throws Exception {
        List<String> a = new ArrayList<>(List.of("mem:0x3000@" + mem, "mem:0x100000:0x200000@" + mem, files[0].toString(),
                files[1].toString(), files[2].toString(), task, out));
        a.addAll(List.of(extra));
        return run(a.toArray(new String[0]));
    }

    @Test
    void aRunWhoseDoneIsSetReadsTheFeaturesAndWritesTheJavaDriversNpy() throws Exception {
        setUp(EdgeMoeRegs.STATUS_IDLE_MASK | EdgeMoeRegs.STATUS_DONE_MASK, 0);
        Path out = dir.resolve("f.npy");
        Result r = tool("depth", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out + ": 129 x 192 float32, task depth, on registers 0x3000 of " + mem), r.out());
        assertTrue(r.out().contains("12345 cycles"), r.out());
        int[] raw = new int[129 * 192];
        for (int t = 0; t < 129; t++) {
            for (int c = 0; c < 192; c++) {
                raw[t * 192 + c] = ControlPlaneTarget.value(t, c, 1);
            }
        }
        assertArrayEquals(new Features(129, 192, raw, Formats.dsp18().resid()).npy(false), Files.readAllBytes(out));
        assertEquals(1, get(mem, REGS + EdgeMoeRegs.TASK));
        assertEquals(BUF + DdrLayout.PROGRAM_OFFSET, get(mem, REGS + EdgeMoeRegs.PROGRAM_ADDR));
        assertEquals(AcceleratorTest.STORE_PROGRAM.length, get(mem, REGS + EdgeMoeRegs.PROGRAM_SIZE));
        assertEquals(BUF + DdrLayout.WEIGHTS_OFFSET, get(mem, REGS + EdgeMoeRegs.WEIGHTS_ADDR));
        assertEquals(image().size(), get(mem, REGS + EdgeMoeRegs.WEIGHTS_SIZE));
        assertEquals(BUF + DdrLayout.INPUT_OFFSET, get(mem, REGS + EdgeMoeRegs.INPUT_ADDR));
        assertEquals(BUF + DdrLayout.OUTPUT_OFFSET, get(mem, REGS + EdgeMoeRegs.OUTPUT_ADDR));
        assertEquals(EdgeMoeRegs.CTRL_START_MASK, get(mem, REGS + EdgeMoeRegs.CTRL));
        assertEquals(0, get(mem, REGS + EdgeMoeRegs.IRQ_ENABLE), "/dev/mem: no interrupt, polling");
        assertArrayEquals(image().bytes(), bytes(mem, BUF + DdrLayout.WEIGHTS_OFFSET, image().size()));
        assertArrayEquals(AcceleratorTest.STORE_PROGRAM, bytes(mem, BUF, AcceleratorTest.STORE_PROGRAM.length));
        assertArrayEquals(AcceleratorTest.pixels(), bytes(mem, BUF + DdrLayout.INPUT_OFFSET, InputImage.BYTES));
    }

    @Test
    void noAcceleratorATimeoutAndAHardwareErrorExitWithTheirCodesAndNoFile() throws Exception {
        setUp(EdgeMoeRegs.STATUS_IDLE_MASK, 0);
        Path out = dir.resolve("f.npy");
        Result t = tool("semseg", out.toString(), "0.02");
        assertEquals(3, t.code(), t.err());
        assertTrue(t.err().contains("no DONE or ERROR after 0.02") && t.err().contains("STATUS 0x1 (idle, not started), 0 of 1 commands")
                && t.err().contains("aborted: the accelerator is idle again"), t.err());
        assertEquals(EdgeMoeRegs.CTRL_ABORT_MASK, get(mem, REGS + EdgeMoeRegs.CTRL), "ABORT written");

        setUp(EdgeMoeRegs.STATUS_IDLE_MASK | EdgeMoeRegs.STATUS_ERROR_MASK, 7);
        Result h = tool("semseg", out.toString());
        assertEquals(3, h.code(), h.err());
        assertTrue(h.err().contains("the run stopped with error DDR_READ (7: SLVERR or DECERR on a DDR read) at command 2 (opcode 0x07 STORE)"),
                h.err());

        setUp(EdgeMoeRegs.STATUS_IDLE_MASK, 0);
        try (RandomAccessFile f = new RandomAccessFile(mem.toFile(), "rw")) {
            put(f, REGS + EdgeMoeRegs.ID, 0);
        }
        Result n = tool("semseg", out.toString());
        assertEquals(4, n.code(), n.err());
        assertTrue(n.err().contains("the ID register reads 0x00000000, expected 0xed6d0001"), n.err());
        Result dev = run("uio:/nonexistent/uio0", "udmabuf:udmabuf0", files[0].toString(), files[1].toString(), files[2].toString(),
                "semseg", out.toString());
        assertEquals(4, dev.code(), dev.err());
        assertTrue(dev.err().contains("cannot open /nonexistent/uio0 (register window): No such file or directory"), dev.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("f.npy.tmp")));
    }

    @Test
    void badArgumentsAndFilesAreNamed() throws Exception {
        setUp(EdgeMoeRegs.STATUS_IDLE_MASK | EdgeMoeRegs.STATUS_DONE_MASK, 0);
        assertEquals(2, run().code());
        Result task = tool("classify", "x.npy");
        assertEquals(2, task.code());
        assertTrue(task.err().contains("task must be semseg or depth, not 'classify'"), task.err());
        Files.write(files[0], new byte[64]);
        Result bad = tool("semseg", dir.resolve("x.npy").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(files[0] + ": not a weight image: expected magic"), bad.err());
        CDriverTest.image().write(files[0]);
        Result nopos = tool("semseg", dir.resolve("x.npy").toString());
        assertEquals(1, nopos.code());
        assertTrue(nopos.err().contains("no pos_embed tensor"), nopos.err());
        image().write(files[0]);
        Files.write(files[2], new byte[10]);
        Result px = tool("semseg", dir.resolve("x.npy").toString());
        assertEquals(1, px.code());
        assertTrue(px.err().contains("input image: expected 98304 bytes (3 x 128 x 256, UQ0.8), found 10"), px.err());
        Files.delete(files[1]);
        Result missing = tool("semseg", dir.resolve("x.npy").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains(files[1] + ": No such file or directory"), missing.err());
        assertFalse(Files.exists(dir.resolve("x.npy")));
    }
}
