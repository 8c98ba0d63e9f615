package org.edgemoe.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystolicArrayFlatVerilogTest {

    private static Path resource() throws URISyntaxException {
        return Path.of(SystolicArrayFlatVerilogTest.class.getResource("/bench/SystolicArrayFlat.v").toURI());
    }

    @Test
    void checkedInResourceIsTheGeneratorOutputForN16() throws Exception {
        assertEquals(SystolicArrayFlatVerilog.generate(16), Files.readString(resource()),
            "regenerate with: java org.edgemoe.sim.bench.SystolicArrayFlatVerilog 16");
    }

    @Test
    void largerArraysHaveOneAccumulatorPerPeAndLintClean(@TempDir Path dir) throws IOException, InterruptedException {
        String verilog = SystolicArrayFlatVerilog.generate(32);
        assertEquals(32 * 32, verilog.lines().filter(l -> l.matches("\\s*reg\\s+signed \\[31:0] acc_\\d+_\\d+;")).count());
        assertTrue(verilog.contains("input  wire [255:0] io_a_in"));
        Path file = dir.resolve("SystolicArrayFlat.v");
        Files.writeString(file, verilog);
        Process lint = new ProcessBuilder("verilator", "--lint-only", "-Wall", file.toString())
            .redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes());
        assertEquals(0, lint.waitFor(), output);
        assertEquals("", output.strip(), "no warnings expected");
    }
}
