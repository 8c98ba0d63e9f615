package org.edgemoe.rtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.edgemoe.hdl.core.Hdl.instance;
import static org.edgemoe.hdl.core.Hdl.out;
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

    /** Three instances of one 8-bit counter module (its enable held high, every count an output). */
    static final class ThreeCounters extends org.edgemoe.hdl.core.Module {
        final org.edgemoe.hdl.core.UInt[] counts = new org.edgemoe.hdl.core.UInt[3];

        ThreeCounters() {
            for (int i = 0; i < 3; i++) {
                CounterExample c = instance(new CounterExample());
                c.enable.set(true);
                counts[i] = out(org.edgemoe.hdl.core.Hdl.UInt(8)).named("count" + i);
                counts[i].set(c.count);
            }
        }
    }

    @Test
    void aHierarchicalRunMapsEachModuleOnceAndCountsEveryInstance() throws Exception {
        assumeTrue(onPath("yosys"), "yosys not installed (make tools)");
        Path rtl = tmp.resolve("rtl3");
        new VerilogEmitter().add(Elaboration.elaborate(ThreeCounters::new).topIR()).write(rtl);
        ManifestFile m = ManifestFile.read(rtl);
        String script = SynthReport.script(m, "ThreeCounters", false);
        assertTrue(script.contains("synth_xilinx -family xcup -noiopad -top ThreeCounters\nstat\ndelete "), script);
        assertTrue(script.contains(" t:CounterExample t:ThreeCounters\n") && !script.contains("flatten"), "instances cut for the depth: " + script);
        SynthReport.Result r = SynthReport.run(m, List.of("ThreeCounters"), List.of("ThreeCounters"), tmp.resolve("logs3"), 1).get(0);
        assertNull(r.error(), r.error());
        assertTrue(r.hierarchical());
        assertEquals("ThreeCounters", r.stat().module());
        assertEquals(24, r.stat().ff(), "three 8-bit counters: " + r.stat().cells());
        assertTrue(!r.stat().cells().containsKey("CounterExample"), "instances are not counted as cells: " + r.stat().cells());
        assertTrue(r.stat().depth() >= 1, r.stat().toString());
        assertTrue(SynthReport.markdown(List.of(r), "Yosys test").contains("| ThreeCounters (hierarchical) | "));
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
