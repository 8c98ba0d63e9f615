package org.edgemoe.runtime.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.runtime.InputImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: exit codes, messages, files written (and not written after an error). */
class EdgeMoeCliTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = EdgeMoeCli.execute(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        Run r = run("pack", "--out", "x.img");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--weights"), r.err());
        assertEquals(2, run("frobnicate").code());
        assertEquals(0, run("--help").code());
    }

    @Test
    void packOfAMissingFolderNamesIt() {
        Path out = dir.resolve("w.img");
        Run r = run("pack", "--weights", dir.resolve("nowhere").toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nowhere") && r.err().contains("not a folder of weights"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void packOfAFolderWithAWrongSizedFileNamesFileExpectedAndFound() throws Exception {
        Path w = Files.createDirectories(dir.resolve("weights"));
        Files.write(w.resolve("image.float32.bin"), new byte[12]);
        Path out = dir.resolve("w.img");
        Run r = run("pack", "--weights", w.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("image.float32.bin") && r.err().contains("expected " + 4 * InputImage.BYTES + " bytes")
                && r.err().contains("found 12 bytes"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void packInspectAndImageOnTheRealWeights() throws Exception {
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        Path img = dir.resolve("m3vit.img");
        Run p = run("pack", "--weights", folder.toString(), "--out", img.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("wrote " + img), p.out());
        Run i = run("inspect", img.toString());
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("all CRCs good") && i.out().contains("l11.expert15.fc2"), i.out());
        Run wrong = run("inspect", img.toString(), "--profile", "published");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("another configuration"), wrong.err());

        Path px = dir.resolve("px.bin");
        Run im = run("image", "--in", folder.resolve("image.float32.bin").toString(), "--out", px.toString());
        assertEquals(0, im.code(), im.err());
        byte[] raw = Files.readAllBytes(px);
        long[] golden = new QuantizedWeights(M3VitWeights.load(folder), Formats.dsp18()).pixels();
        assertEquals(golden.length, raw.length);
        for (int k = 0; k < raw.length; k++) {
            assertEquals(golden[k], raw[k] & 0xff, "pixel " + k);
        }
    }

    @Test
    void pictureIsScaledToTheModelInputChannelMajor() throws Exception {
        BufferedImage pic = new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 512; x++) {
                pic.setRGB(x, y, x < 256 ? 0xff0010 : 0x00ff80);   // left half red-ish, right half green-ish
            }
        }
        Path png = dir.resolve("pic.png");
        ImageIO.write(pic, "png", png.toFile());
        Path px = dir.resolve("px.bin");
        assertEquals(0, run("image", "--in", png.toString(), "--out", px.toString()).code());
        byte[] raw = Files.readAllBytes(px);
        int h = ModelShape.IMAGE_H;
        int w = ModelShape.IMAGE_W;
        assertEquals(InputImage.BYTES, raw.length);
        assertEquals(0xff, raw[(0 * h + 10) * w + 5] & 0xff, "R of the left half");
        assertEquals(0x10, raw[(2 * h + 10) * w + 5] & 0xff, "B of the left half");
        assertEquals(0xff, raw[(1 * h + 100) * w + 250] & 0xff, "G of the right half");
        Path bad = dir.resolve("bad.png");
        Files.write(bad, new byte[] {1, 2, 3});
        Run r = run("image", "--in", bad.toString(), "--out", dir.resolve("bad.bin").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.png") && r.err().contains("not a picture"), r.err());
        assertFalse(Files.exists(dir.resolve("bad.bin")));
    }

    @Test
    void regsPrintsTheRegisterMap() {
        Run md = run("regs");
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().contains("CTRL") && md.out().contains("|"), md.out());
        Run c = run("regs", "--format", "c");
        assertEquals(org.edgemoe.runtime.RegisterFiles.cHeader(), c.out());
        Run bad = run("regs", "--format", "yaml");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("markdown, c or java"), bad.err());
    }
}
