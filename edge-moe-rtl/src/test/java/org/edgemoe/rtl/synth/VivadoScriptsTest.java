package org.edgemoe.rtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.ManifestReader.Top;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.QueueExample;
import org.edgemoe.hdl.examples.SystolicArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated XDC and TCL name only ports, files and modules that the emitted design has. */
class VivadoScriptsTest {
    @TempDir
    static Path tmp;
    static ManifestFile m;
    static Map<String, String> files;

    @BeforeAll
    static void generate() throws Exception {
        Path rtl = tmp.resolve("rtl");
        new VerilogEmitter().add(Elaboration.elaborate(CounterExample::new).topIR()).add(Elaboration.elaborate(QueueExample::new).topIR())
                .add(Elaboration.elaborate(() -> new SystolicArray(4)).topIR()).write(rtl);
        m = ManifestFile.read(rtl);
        files = VivadoScripts.generate(m, null);
    }

    private static Set<String> all(Pattern p, String text) {
        Set<String> out = new HashSet<>();
        Matcher x = p.matcher(text);
        while (x.find()) {
            out.add(x.group(1));
        }
        return out;
    }

    private static Set<String> portNames(Top t) {
        Set<String> s = new HashSet<>();
        t.ports().forEach(p -> s.add(p.name()));
        return s;
    }

    @Test
    void oocConstraintsNameEveryPortOfTheirTopAndNothingElse() {
        Pattern getPorts = Pattern.compile("\\[get_ports \\{?([A-Za-z_][\\w]*)(?:\\[\\*\\])?\\}?\\]");
        for (Top t : m.tops()) {
            String xdc = files.get("ooc_" + t.name() + ".xdc");
            Set<String> named = all(getPorts, xdc);
            assertEquals(portNames(t), named, t.name() + ":\n" + xdc);
            assertTrue(xdc.contains("create_clock -name clk -period 3.333 [get_ports clk]"), xdc);
            String tcl = files.get("ooc_" + t.name() + ".tcl");
            assertEquals(Set.of(t.name()), all(Pattern.compile("-top (\\S+)"), tcl));
            assertTrue(tcl.contains("-part xczu9eg-ffvb1156-2-e -mode out_of_context"), tcl);
            assertTrue(tcl.contains("report_utilization") && tcl.contains("report_timing_summary"), tcl);
            assertTrue(files.get("ooc_all.tcl").contains("source ooc_" + t.name() + ".tcl"));
        }
    }

    @Test
    void everyFileTheScriptsReadExists() {
        Pattern f = Pattern.compile("\\[file join \\$rtl_dir (\\S+)\\]");
        Pattern dir = Pattern.compile("set rtl_dir \\{([^}]+)\\}");
        for (Map.Entry<String, String> e : files.entrySet()) {
            for (String file : all(f, e.getValue())) {
                assertTrue(Files.isRegularFile(m.dir().resolve(file)), e.getKey() + " reads " + file);
            }
            for (String d : all(dir, e.getValue())) {
                assertEquals(m.dir().toAbsolutePath().toString(), d);
            }
        }
        // every emitted module file is read (children included)
        assertEquals(Set.copyOf(m.verilogFiles()), all(f, files.get("ooc_CounterExample.tcl")));
        assertTrue(m.verilogFiles().contains("StreamFifo.v"), m.verilogFiles().toString());
    }

    @Test
    void ipPackagingMapsTheStreamsOfTheBitstreamTop() {
        Top top = VivadoScripts.bitstreamTop(m, null);
        assertEquals("QueueExample", top.name(), "no Edge-MoE block in this design: the library's stream example");
        String pkg = files.get("package_ip.tcl");
        Set<String> physical = all(Pattern.compile("physical_name (\\S+)"), pkg);
        assertEquals(portNames(top), physical, "every port of the top is mapped (streams, clock, reset)");
        assertEquals(Set.of("QueueExample"), all(Pattern.compile("set_property top (\\S+)"), pkg));
        Set<String> busifs = all(Pattern.compile("ipx::add_bus_interface (\\S+)"), pkg);
        assertEquals(Set.of("input", "output", "clk", "reset"), busifs);
        assertTrue(pkg.contains("ASSOCIATED_BUSIF") && pkg.contains("{input:output}"), pkg);
        assertTrue(pkg.contains("ACTIVE_HIGH"), pkg);

        String bd = files.get("bd_zcu102.tcl");
        Set<String> pins = all(Pattern.compile("QueueExample_0/(\\w+)"), bd);
        assertTrue(busifs.containsAll(pins), "block-design pins " + pins + " are interfaces of the packaged IP " + busifs);
        assertTrue(pins.containsAll(Set.of("input", "output", "clk", "reset")), pins.toString());
        assertTrue(bd.contains("edgemoe.org:hdl:QueueExample:1.0"), bd);
        assertTrue(bd.contains("PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ {300}"), bd);
        assertTrue(bd.contains("-part xczu9eg-ffvb1156-2-e"), bd);
        assertTrue(bd.contains("c_m_axis_mm2s_tdata_width {16}") && bd.contains("c_s_axis_s2mm_tdata_width {16}"), bd);
        assertTrue(bd.contains("write_bitstream"), bd);
        assertFalse(bd.contains("WARNING"), "16-bit streams fit the DMA without a width adapter");
        assertTrue(bd.contains("constraints zcu102_ps.xdc"));
    }

    @Test
    void streamsAreFoundFromPortNames() {
        List<VivadoScripts.StreamPorts> s = VivadoScripts.streams(m.top("QueueExample"));
        assertEquals(2, s.size());
        assertEquals(new VivadoScripts.StreamPorts("input", true, "io_input_valid", "io_input_ready", List.of("io_input_payload"), 16), s.get(0));
        assertFalse(s.get(1).slave());
        Top sa = m.tops().stream().filter(t -> t.name().startsWith("SystolicArray")).findFirst().orElseThrow();
        assertTrue(VivadoScripts.streams(sa).isEmpty());
        assertFalse(VivadoScripts.isStreamBlock(sa));
    }

    @Test
    void boardConstraintsUseTheZcu102Pins() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String standalone = Files.readString(root.resolve("constraints/zcu102_standalone.xdc"));
        assertTrue(standalone.contains("PACKAGE_PIN AL8 [get_ports USER_SI570_P]"), standalone);
        assertTrue(standalone.contains("PACKAGE_PIN AL7 [get_ports USER_SI570_N]"), standalone);
        assertTrue(standalone.contains("-period 3.333"), standalone);
        assertTrue(standalone.contains("UG1182"), standalone);
        String ps = Files.readString(root.resolve("constraints/zcu102_ps.xdc"));
        assertTrue(ps.contains("pl_clk0"), ps);
        for (String line : ps.split("\n")) {
            assertTrue(line.isBlank() || line.startsWith("#"), "the PS flow needs no pin constraints: " + line);
        }
    }
}
