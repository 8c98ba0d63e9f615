package org.edgemoe.runtime.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.M3VitImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edgemoe run} end to end: on the real image and weights in the full-system simulation (the embedding and
 * the first layer, features bit-exact to HwModel, progress as clean lines); a board that is not there, bad options
 * and inputs, each with its exit code, its message, and no output file.
 */
class RunCommandTest {
    static Path folder;
    static Path image;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = EdgeMoeCli.execute(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    @BeforeAll
    static void pack() {
        folder = WeightFolder.locate().orElse(null);
        if (folder != null) {
            image = shared.resolve("m3vit.img");
            M3VitImage.pack(new QuantizedWeights(M3VitWeights.load(folder), Formats.dsp18()), ImageConfig.defaults()).write(image);
        }
    }

    static void assumeWeights() {
        assumeTrue(folder != null, WeightFolder.absentMessage());
    }

    /** The .npy header (descr, shape) and its data as little-endian ints. */
    static int[] npyInts(Path f, String descr) throws Exception {
        byte[] b = Files.readAllBytes(f);
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        int hl = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        String header = new String(b, 10, hl, StandardCharsets.US_ASCII);
        assertEquals(0, (10 + hl) % 64, "data 64-byte aligned");
        assertTrue(header.startsWith("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (129, 192), }"), header);
        assertTrue(header.endsWith("\n"));
        int[] v = new int[(b.length - 10 - hl) / 4];
        assertEquals(129 * 192, v.length);
        ByteBuffer.wrap(b, 10 + hl, b.length - 10 - hl).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    @Test
    void theFirstLayerInTheSimulationIsBitExactToTheGoldenModel() throws Exception {
        assumeWeights();
        Path out = dir.resolve("f.npy");
        Run r = run("run", "--sim", "--weights", image.toString(), "--image", folder.resolve("image.float32.bin").toString(),
                "--task", "semseg", "--layers", "1", "--raw", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        System.out.print(r.out());
        assertTrue(r.out().startsWith("wrote " + out + ": 129 x 192 int32 raw (resid "), r.out());
        int[] got = npyInts(out, "<i4");
        long[][] want = new HwModel(new QuantizedWeights(M3VitWeights.load(folder), Formats.dsp18())).run(0).layerOutputs()[0];
        for (int t = 0; t < ModelShape.TOKENS; t++) {
            for (int c = 0; c < ModelShape.DIM; c++) {
                assertEquals(want[t][c], got[t * ModelShape.DIM + c], "token " + t + " value " + c);
            }
        }
        String[] lines = r.err().split("\n");
        assertFalse(r.err().contains("\r"), "no carriage returns when not a terminal");
        assertTrue(lines.length >= 2 && lines.length <= 12, r.err());
        assertTrue(lines[lines.length - 1].matches("\\[#{30}\\] 9/9 commands  \\d+\\.\\d{3} ms \\(\\d+\\.\\d s wall\\)"), lines[lines.length - 1]);
    }

    @Test
    void aBoardThatIsNotThereExitsFourAndWritesNothing() throws Exception {
        assumeWeights();
        Path mem = dir.resolve("mem");
        try (RandomAccessFile f = new RandomAccessFile(mem.toFile(), "rw")) {
            f.setLength(0x1000_0000L + (64L << 20));
        }
        Path out = dir.resolve("f.npy");
        Run r = run("run", "--weights", image.toString(), "--image", folder.resolve("image.float32.bin").toString(), "--task", "depth",
                "--regs", "mem:0x3000@" + mem, "--buffer", "mem:0x10000000:0x4000000@" + mem, "--out", out.toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().startsWith("edgemoe: registers 0x3000 of " + mem) && r.err().contains("the ID register reads 0x00000000"), r.err());
        assertFalse(Files.exists(out));
        Run none = run("run", "--weights", image.toString(), "--image", folder.resolve("image.float32.bin").toString(), "--task", "depth",
                "--regs", "uio:/nonexistent/uio0", "--out", out.toString());
        assertEquals(4, none.code(), none.err());
        assertTrue(none.err().contains("cannot open /nonexistent/uio0 (register window): No such file or directory"), none.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badOptionsAndInputsExitWithWhatWasWrong() throws Exception {
        Path out = dir.resolve("f.npy");
        Run missing = run("run", "--weights", "w.img", "--image", "x.png", "--out", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--task"), missing.err());
        Run task = run("run", "--weights", "w.img", "--image", "x.png", "--task", "classify", "--out", out.toString());
        assertEquals(1, task.code());
        assertTrue(task.err().contains("task must be semseg or depth, not 'classify'"), task.err());
        Run backend = run("run", "--weights", "w.img", "--image", "x.png", "--task", "depth", "--backend", "fpga", "--out", out.toString());
        assertEquals(1, backend.code());
        assertTrue(backend.err().contains("--backend must be device or sim, not 'fpga'"), backend.err());
        Run layers = run("run", "--weights", "w.img", "--image", "x.png", "--task", "depth", "--layers", "13", "--out", out.toString());
        assertEquals(1, layers.code());
        assertTrue(layers.err().contains("--layers must be 1..12, not 13"), layers.err());
        Run weights = run("run", "--sim", "--weights", dir.resolve("none.img").toString(), "--image", "x.png", "--task", "depth",
                "--out", out.toString());
        assertEquals(1, weights.code());
        assertTrue(weights.err().contains("none.img: no such file or folder"), weights.err());
        Path bad = dir.resolve("bad.img");
        Files.write(bad, new byte[100]);
        Run corrupt = run("run", "--sim", "--weights", bad.toString(), "--image", "x.png", "--task", "depth", "--out", out.toString());
        assertEquals(1, corrupt.code());
        assertTrue(corrupt.err().contains("bad.img: not a weight image"), corrupt.err());
        if (folder != null) {
            Path px = dir.resolve("short.px");
            Files.write(px, new byte[5]);
            Run pixels = run("run", "--sim", "--weights", image.toString(), "--image", px.toString(), "--task", "depth", "--out", out.toString());
            assertEquals(1, pixels.code());
            assertTrue(pixels.err().contains("short.px: raw input image: expected 98304 bytes (3 x 128 x 256, UQ0.8), found 5"), pixels.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void programWritesListsAndDisassemblesTheCommandList() throws Exception {
        assumeWeights();
        Path p = dir.resolve("m3vit.prog");
        Run w = run("program", "--weights", image.toString(), "--out", p.toString());
        assertEquals(0, w.code(), w.err());
        assertTrue(w.out().startsWith("wrote " + p + ": 93 commands (2976 bytes), 12 layers, for dsp18"), w.out());
        byte[] prog = Files.readAllBytes(p);
        assertArrayEquals(RunCommand.program(org.edgemoe.runtime.M3VitImage.read(image, ImageConfig.defaults()), 12), prog);
        Run d = run("program", "--disassemble", p.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals(org.edgemoe.rtl.isa.Disassembler.disassemble(prog), d.out());
        String[] lines = d.out().split("\n");
        assertEquals(93, lines.length);
        assertTrue(lines[0].startsWith("   0: EMBED") && lines[92].equals("  92: END"), lines[0] + " / " + lines[92]);
        assertTrue(lines[1].startsWith("   1: PREFETCH") && lines[1].contains("experts=16"), lines[1]);
        assertTrue(d.out().contains("GATE") && d.out().contains("EXPERTS") && d.out().contains("layer=11"), d.out());
        Run l = run("program", "--weights", image.toString(), "--layers", "1", "--list");
        assertEquals(0, l.code(), l.err());
        assertEquals(10, l.out().split("\n").length, l.out());
        Run none = run("program", "--weights", image.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("give --weights and --out (or --list), or --disassemble FILE"), none.err());
        Run missing = run("program", "--disassemble", dir.resolve("nope.prog").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.prog: no such program file"), missing.err());
    }

    @Test
    void progressRedrawsOneLineOnATerminalAndPrintsTenthsOtherwise() {
        StringWriter s = new StringWriter();
        ProgressBar t = new ProgressBar(new PrintWriter(s, true), true, false);
        for (int i = 0; i <= 40; i++) {
            t.update(i, 40, i * 1_000_000L);
        }
        t.finish();
        assertEquals(41, s.toString().split("\r", -1).length - 1, "one redraw per change");
        assertTrue(s.toString().endsWith("[##############################] 40/40 commands  40.000 ms\n"), s.toString());
        StringWriter l = new StringWriter();
        ProgressBar p = new ProgressBar(new PrintWriter(l, true), false, false);
        for (int i = 0; i <= 40; i++) {
            p.update(i, 40, i * 1_000_000L);
            p.update(i, 40, i * 1_000_000L);
        }
        p.finish();
        String[] lines = l.toString().split("\n");
        assertEquals(11, lines.length, l.toString());
        assertEquals("[...............................]  0/40 commands  0.000 ms".replace("...............................", ".".repeat(30)), lines[0]);
        assertEquals("[###############...............] 20/40 commands  20.000 ms", lines[5]);
        assertFalse(l.toString().contains("\r"));
    }
}
