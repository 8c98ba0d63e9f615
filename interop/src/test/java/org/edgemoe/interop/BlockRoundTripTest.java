package org.edgemoe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.verilog.VerilogImporter;
import org.edgemoe.hdl.verilog.VerilogModule;
import org.edgemoe.hdl.verilog.VerilogPort;
import org.edgemoe.rtl.Blocks;
import org.junit.jupiter.api.Test;

/** The accelerator's blocks import back to the interface they were emitted from (every emitted file). */
class BlockRoundTripTest {

    @Test
    void everyBlockAndItsSubmodules() {
        Map<String, Supplier<? extends Module>> blocks = new LinkedHashMap<>(Blocks.defaults());
        blocks.putIfAbsent("GeluUnit", InteropDesigns::gelu);
        for (Map.Entry<String, Supplier<? extends Module>> b : blocks.entrySet()) {
            ModuleIR top = Elaboration.elaborate(b.getValue()).topIR();
            EmittedDesign d = new VerilogEmitter().add(top).render();
            for (Map.Entry<String, String> f : d.files().entrySet()) {
                // every file parses and holds its module (a black box's inline Verilog may hold more, with parameters)
                String name = f.getKey().substring(0, f.getKey().length() - 2);
                assertEquals(1, new VerilogImporter().parse(f.getValue(), f.getKey()).stream()
                        .filter(m -> m.name().equals(name)).count(), f.getKey());
            }
            VerilogModule t = new VerilogImporter().parse(d.module(d.tops().get(0)), "top.v").get(0);
            Map<String, String> want = new TreeMap<>();
            for (Signal p : top.ports()) {
                want.put(p.name(), (p.kind() == SignalKind.INPUT ? "input" : "output") + " " + p.signed() + " " + p.width());
            }
            Map<String, String> have = new TreeMap<>();
            for (VerilogPort p : t.ports()) {
                have.put(p.name(), p.direction().verilog() + " " + p.signed() + " " + p.width());
            }
            assertEquals(want, have, b.getKey());
        }
    }
}
