package org.example.hdl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgemoe.sim.formal.Formal;
import org.junit.jupiter.api.Test;

/** The design's assertAlways, proven for every input sequence by k-induction in Yosys. */
class MovingAverageFormalTest {
    @Test
    void outputNeverRunsAheadOfTheHistory() {
        assumeTrue(onPath("yosys"), "yosys is not installed: sudo apt-get install -y yosys");
        Formal.of(() -> new MovingAverage(4)).prove(8).assertProven();
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
