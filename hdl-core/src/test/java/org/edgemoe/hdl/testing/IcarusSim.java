package org.edgemoe.hdl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.edgemoe.hdl.emit.EmittedDesign;

/**
 * Runs a Java-generated Verilog testbench with Icarus: writes the design and {@code tb.v}, compiles,
 * runs, and returns the lines the testbench printed with the prefix {@code "R "} (prefix removed).
 */
public final class IcarusSim {
    private IcarusSim() { }

    public static List<String> run(EmittedDesign design, String testbench, Path dir) {
        Tool.assumeIverilog();
        List<String> files = Workdir.write(design, dir);
        Workdir.writeText(dir.resolve("tb.v"), testbench);
        Tool.Result c = Tool.run(dir, Tool.concat(List.of("iverilog", "-g2005", "-s", "tb", "-o", "sim.vvp", "tb.v"), files), 120);
        assertEquals(0, c.exitCode(), "iverilog failed:\n" + c.output());
        Tool.Result r = Tool.run(dir, List.of("vvp", "-n", "sim.vvp"), 120);
        assertEquals(0, r.exitCode(), "vvp failed:\n" + r.output());
        assertTrue(r.output().contains("DONE"), "testbench did not finish:\n" + r.output());
        return r.output().lines().filter(l -> l.startsWith("R ")).map(l -> l.substring(2).trim()).toList();
    }

    /** Compares line by line, reporting the first mismatch with its index. */
    public static void assertLines(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            int k = i;
            assertEquals(expected.get(i), actual.get(i), () -> "first mismatch at output line " + k);
        }
        assertEquals(expected.size(), actual.size(), "number of output lines");
    }
}
