package org.edgemoe.rtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.ManifestReader.Top;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.MacUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real, small synthesis: CounterExample and MacUnit through Yosys, numbers checked against the design. */
class SynthReportTest {
    @TempDir
    Path tmp;

    @Test
    void synthesisesCounterAndMacUnitWithYosys() throws Exception {
        assumeTrue(onPath("yosys"), "yosys not installed (make tools)");
        Path rtl = tmp.resolve("rtl");
        new VerilogEmitter().add(Elaboration.elaborate(CounterExample::new).topIR()).add(Elaboration.elaborate(MacUnit::new).topIR()).write(rtl);
        ManifestFile m = ManifestFile.read(rtl);
        assertEquals(List.of("CounterExample", "MacUnit"), m.tops().stream().map(Top::name).toList());
        assertEquals("clk", m.top("CounterExample").clockOrNull().name());

        List<SynthReport.Result> rs = SynthReport.run(m, List.of("CounterExample", "MacUnit"), tmp.resolve("logs"), 2);
        SynthReport.Result counter = rs.get(0);
        assertNull(counter.error(), counter.error());
        assertEquals(8, counter.stat().ff(), "an 8-bit counter has 8 flip-flops: " + counter.stat().cells());
        assertEquals(0, counter.stat().dsp());
        assertTrue(counter.stat().lut() >= 1 && counter.stat().depth() >= 1, counter.stat().toString());
        assertTrue(!counter.stat().cells().containsKey("IBUF"), "out of context: no I/O buffers");

        SynthReport.Result mac = rs.get(1);
        assertNull(mac.error(), mac.error());
        assertTrue(mac.stat().dsp() >= 1, "the multiplier goes to a DSP48E2: " + mac.stat().cells());

        String md = SynthReport.markdown(rs, "Yosys test");
        assertTrue(md.contains("| CounterExample | " + counter.stat().lut() + " | 8 |"), md);
        assertTrue(md.contains("pessimistic"), md);
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
