package org.edgemoe.hdl.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.MacUnit;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final EmittedDesign DESIGN = new VerilogEmitter()
            .add(Elab.build(() -> new CounterExample(6)).topIR())
            .add(Elab.build(MacUnit::new).topIR())
            .render();
    private static final String JSON = Emit.compactJson(DESIGN.manifestJson());

    @Test void listsEveryTopWithItsFile() {
        assertEquals(List.of("CounterExample", "MacUnit"), DESIGN.tops());
        assertTrue(JSON.startsWith("{\"generator\":\"hdl-core\",\"tops\":["), JSON);
        assertTrue(JSON.contains("{\"name\":\"CounterExample\",\"file\":\"CounterExample.v\",\"class\":\"CounterExample\""), JSON);
        assertTrue(JSON.contains("{\"name\":\"MacUnit\",\"file\":\"MacUnit.v\",\"class\":\"MacUnit\""), JSON);
    }

    @Test void parameters() {
        assertTrue(JSON.contains("\"parameters\":{\"WIDTH\":6}"), JSON);
        assertTrue(JSON.contains("\"class\":\"MacUnit\",\"parameters\":{}"), JSON);
    }

    @Test void portsWithDirectionWidthSignedness() {
        assertTrue(JSON.contains("{\"name\":\"io_enable\",\"direction\":\"input\",\"width\":1,\"signed\":false}"), JSON);
        assertTrue(JSON.contains("{\"name\":\"io_count\",\"direction\":\"output\",\"width\":8,\"signed\":false}"), JSON);
        assertTrue(JSON.contains("{\"name\":\"clk\",\"direction\":\"input\",\"width\":1,\"signed\":false,\"role\":\"clock\"}"), JSON);
        assertTrue(JSON.contains("{\"name\":\"reset\",\"direction\":\"input\",\"width\":1,\"signed\":false,\"role\":\"reset\"}"), JSON);
    }

    @Test void fixedPointPortsCarryTheirFormat() {
        assertTrue(JSON.contains("{\"name\":\"io_x\",\"direction\":\"input\",\"width\":32,\"signed\":true,"
                + "\"fixed_point\":{\"signed\":true,\"int_bits\":10,\"frac_bits\":22,\"q\":\"SQ10.22\"}}"), JSON);
        assertTrue(JSON.contains("{\"name\":\"io_w\",\"direction\":\"input\",\"width\":16,\"signed\":true,"
                + "\"fixed_point\":{\"signed\":true,\"int_bits\":2,\"frac_bits\":14,\"q\":\"SQ2.14\"}}"), JSON);
        assertTrue(JSON.contains("{\"name\":\"io_acc\",\"direction\":\"output\",\"width\":32,\"signed\":true,\"fixed_point\""), JSON);
        assertFalse(JSON.contains("\"name\":\"io_valid\",\"direction\":\"input\",\"width\":1,\"signed\":false,\"fixed_point\""), JSON);
    }
}
