package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.ManifestReader;
import org.edgemoe.hdl.emit.ManifestReader.FixedPoint;
import org.edgemoe.hdl.emit.ManifestReader.Port;
import org.edgemoe.hdl.emit.ManifestReader.Top;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.MacUnit;
import org.edgemoe.hdl.testing.Elab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What VerilogEmitter writes to manifest.json, ManifestReader reads back as typed records. */
class ManifestReaderTest {

    /** Parameters of every JSON kind, with characters the writer escapes. */
    static final class Params extends Module {
        final Bool a = in(Bool());
        final Bool y = out(Bool());

        Params() {
            param("TEXT", "say \"hi\"\\ \n\tend");
            param("RATIO", 2.5);
            param("ON", true);
            param("BIG", -(1L << 40));
            y.set(a);
        }
    }

    @Test void roundTripsTopsPortsParametersAndFormats(@TempDir Path dir) throws Exception {
        EmittedDesign d = new VerilogEmitter()
                .add(Elab.build(() -> new CounterExample(6)).topIR())
                .add(Elab.build(MacUnit::new).topIR())
                .add(Elab.build(Params::new).topIR())
                .write(dir);
        List<Top> tops = ManifestReader.read(dir.resolve("manifest.json"));
        assertEquals(tops, ManifestReader.parse(d.manifestJson()));
        assertEquals(List.of("CounterExample", "MacUnit", "Params"), tops.stream().map(Top::name).toList());
        assertEquals(d.tops(), tops.stream().map(Top::name).toList());

        Top counter = tops.get(0);
        assertEquals("CounterExample.v", counter.file());
        assertEquals("CounterExample", counter.className());
        assertEquals(Map.of("WIDTH", 6L), counter.parameters());
        assertEquals(List.of(
                new Port("io_enable", "input", 1, false, null, null),
                new Port("io_count", "output", 8, false, null, null),
                new Port("io_wrapped", "output", 1, false, null, null),
                new Port("clk", "input", 1, false, "clock", null),
                new Port("reset", "input", 1, false, "reset", null)), counter.ports());
        assertEquals("clk", counter.clockOrNull().name());
        assertEquals("reset", counter.resetOrNull().name());
        assertEquals(8, counter.port("io_count").width());
        assertNull(counter.port("io_nothing"));

        Top mac = tops.get(1);
        assertEquals(Map.of(), mac.parameters());
        assertEquals(new Port("io_x", "input", 32, true, null, new FixedPoint(true, 10, 22, "SQ10.22")), mac.port("io_x"));
        assertEquals(new FixedPoint(true, 2, 14, "SQ2.14"), mac.port("io_w").fixedPoint());
        assertEquals(new FixedPoint(true, 10, 22, "SQ10.22"), mac.port("io_acc").fixedPoint());
        assertNull(mac.port("io_valid").fixedPoint());

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("TEXT", "say \"hi\"\\ \n\tend");
        params.put("RATIO", 2.5);
        params.put("ON", true);
        params.put("BIG", -(1L << 40));
        Top p = tops.get(2);
        assertEquals(params, p.parameters());
        assertEquals(List.copyOf(params.keySet()), List.copyOf(p.parameters().keySet()));
        assertNull(p.clockOrNull());
        assertNull(p.resetOrNull());
    }

    @Test void malformedJsonIsRejectedWithItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestReader.parse("{\"tops\": [} "));
        assertEquals("manifest.json: unexpected '}' at offset 10", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ManifestReader.parse("{\"tops\": []} x"));
        assertThrows(IllegalArgumentException.class, () -> ManifestReader.parse("{\"tops\": [\"unterminated"));
    }
}
