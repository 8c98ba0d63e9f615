package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaveformTest {

    private static void count(Sim sim, int cycles) {
        sim.reset();
        sim.poke("io_en", 1);
        sim.poke("io_step", 1);
        sim.step(cycles);
    }

    @Test
    void vcdHoldsTheCountingSequence(@TempDir Path dir) throws IOException {
        SimModel traced = ModelCompiler.compile(TestDesigns.counter(), BuildOptions.defaults().withWaveform(Waveform.VCD));
        Path vcd = dir.resolve("counter.vcd");
        try (Sim sim = traced.open()) {
            sim.traceTo(vcd);
            assertEquals(vcd.toAbsolutePath(), sim.waveform().orElseThrow());
            count(sim, 6);
            assertEquals(6, sim.peek("io_count"));
        }
        String dump = Files.readString(vcd);
        String countId = idOf(dump, "io_count");
        // After the 6th rising edge io_count is 6 = b110.
        assertTrue(dump.contains("b0000000000000110 " + countId), dump);
    }

    @Test
    void fstIsWrittenWhenBuiltForFst(@TempDir Path dir) throws IOException {
        SimModel traced = ModelCompiler.compile(TestDesigns.counter(), BuildOptions.defaults().withWaveform(Waveform.FST));
        Path fst = dir.resolve("counter.fst");
        try (Sim sim = traced.open()) {
            sim.traceTo(fst);
            count(sim, 50);
        }
        assertTrue(Files.size(fst) > 100, "FST written on close");
    }

    /** The VCD short identifier of a variable: "$var wire 16 <id> io_count [15:0] $end". */
    private static String idOf(String dump, String name) {
        for (String line : dump.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].equals("$var") && f[4].equals(name)) return f[3];
        }
        throw new AssertionError("no $var " + name + " in VCD");
    }
}
