package org.edgemoe.sim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.VerilogSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class SimExtensionTest {
    private static final String SELF_TEST = "edgemoe.sim.selftest";

    static VerilogSources counter() {
        try {
            return VerilogSources.of("Counter", Path.of(SimExtensionTest.class.getResource("/designs/Counter.v").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only run through the launcher below: it fails on purpose. */
    @ExtendWith(SimExtension.class)
    @EnabledIfSystemProperty(named = SELF_TEST, matches = "true")
    static class FailingCounterTest {
        @Test
        @RecordWaveform
        void countsWrongOnPurpose(SimSession sims) {
            Sim sim = sims.open(counter());
            sim.reset();
            sim.poke("io_en", 1);
            sim.poke("io_step", 2);
            sim.step(20);
            assertEquals(41, sim.peek("io_count"));
        }
    }

    @Test
    void failingTestPrintsThePathOfItsCompleteWaveform(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        System.setProperty(SELF_TEST, "true");
        System.setProperty("edgemoe.sim.waveform.dir", dir.toString());
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FailingCounterTest.class)).build(), summary);
        } finally {
            System.setErr(originalErr);
            System.clearProperty(SELF_TEST);
            System.clearProperty("edgemoe.sim.waveform.dir");
        }
        assertEquals(1, summary.getSummary().getTestsFailedCount());
        String printed = captured.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Waveform of failed test .*: (\\S+\\.vcd)").matcher(printed);
        assertTrue(m.find(), printed);
        Path vcd = Path.of(m.group(1));
        assertEquals(dir.resolve("FailingCounterTest").resolve("countsWrongOnPurpose.vcd"), vcd);
        String dump = Files.readString(vcd);
        assertTrue(dump.contains("$enddefinitions"), "VCD header");
        assertTrue(dump.contains("io_count"), "ports are traced");
        // 3 reset cycles + 20 counting cycles, two half-cycles each: the last timestamp is #45.
        assertTrue(dump.contains("\n#45\n"), "every half cycle is dumped");
    }

    /** A design written with hdl-core, compiled the way a test usually does: HdlSim.compile with default options. */
    static final class Blink extends org.edgemoe.hdl.core.Module {
        final org.edgemoe.hdl.core.UInt count = org.edgemoe.hdl.core.Hdl.out(org.edgemoe.hdl.core.Hdl.UInt(4));

        Blink() {
            org.edgemoe.hdl.core.UInt r = org.edgemoe.hdl.core.Hdl.reg(org.edgemoe.hdl.core.Hdl.UInt(4)).init(0).named("r");
            r.set(r.plus(1));
            count.set(r);
        }
    }

    @Test
    void recordWaveformRecordsAModelCompiledWithoutTracing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        org.edgemoe.sim.SimModel plain = org.edgemoe.sim.HdlSim.compile(Blink::new);
        assertEquals(org.edgemoe.sim.Waveform.NONE, plain.waveform(), "default options build without tracing");
        SimSession session = new SimSession(org.edgemoe.sim.Waveform.VCD, dir.resolve("blink"));
        Sim sim = session.open(plain);
        sim.reset();
        sim.step(5);
        assertEquals(5, sim.peek("io_count"));
        session.closeAll();
        assertEquals(java.util.List.of(dir.resolve("blink.vcd").toAbsolutePath()), session.waveforms());
        String dump = Files.readString(dir.resolve("blink.vcd"));
        assertTrue(dump.contains("$enddefinitions") && dump.contains("io_count"), dump.substring(0, Math.min(400, dump.length())));
    }

    @Test
    void sessionWithoutWaveformRecordsNothing() {
        SimSession session = new SimSession(org.edgemoe.sim.Waveform.NONE, Path.of("unused"));
        try (Sim sim = session.open(counter())) {
            sim.reset();
            assertTrue(sim.waveform().isEmpty());
            assertTrue(session.waveforms().isEmpty());
        }
    }
}
