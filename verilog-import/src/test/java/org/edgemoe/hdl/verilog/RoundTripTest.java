package org.edgemoe.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.ExampleDesigns;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.junit.jupiter.api.Test;

/** Every module hdl-core emits for its examples imports back to the interface it was generated from. */
class RoundTripTest {

    /** name → "direction signed width" of every port, from the netlist. */
    static Map<String, String> portsOf(ModuleIR m) {
        Map<String, String> out = new TreeMap<>();
        for (Signal p : m.ports()) {
            out.put(p.name(), (p.kind() == SignalKind.INPUT ? "input" : "output") + " " + p.signed() + " " + p.width());
        }
        return out;
    }

    static Map<String, String> portsOf(VerilogModule m) {
        Map<String, String> out = new TreeMap<>();
        for (VerilogPort p : m.ports()) {
            out.put(p.name(), p.direction().verilog() + " " + p.signed() + " " + p.width());
            assertEquals(p.hasRange() ? p.width() - 1 : 0, p.msb(), p.describe());
            assertEquals(0, p.lsb(), p.describe());
        }
        return out;
    }

    /** Checks every module of {@code design}'s tree against the imported Verilog; returns how many were checked. */
    static int checkRoundTrip(Supplier<? extends Module> design) {
        ModuleIR top = Elaboration.elaborate(design).topIR();
        EmittedDesign d = new VerilogEmitter().add(top).render();
        List<VerilogModule> imported = new ArrayList<>();
        for (Map.Entry<String, String> f : d.files().entrySet()) {
            List<VerilogModule> ms = new VerilogImporter().parse(f.getValue(), f.getKey());
            assertEquals(1, ms.size(), f.getKey());
            assertEquals(f.getKey(), ms.get(0).name() + ".v");
            assertTrue(ms.get(0).parameters().isEmpty(), "hdl-core writes generator parameters as a comment, not as Verilog parameters");
            imported.add(ms.get(0));
        }
        // the top: same name as reported, identical ports in the manifest's order
        VerilogModule t = VerilogImporter.find(imported, d.tops().get(0), "the emitted design");
        assertEquals(portsOf(top), portsOf(t), "top " + t.name());
        // every module below: some emitted variant of its class has exactly its ports
        Set<ModuleIR> seen = new HashSet<>();
        List<ModuleIR> work = new ArrayList<>(List.of(top));
        int checked = 0;
        while (!work.isEmpty()) {
            ModuleIR m = work.remove(work.size() - 1);
            if (!seen.add(m) || m.isBlackBox()) {
                continue;
            }
            for (Instance i : m.instances()) {
                work.add(i.child());
            }
            Map<String, String> want = portsOf(m);
            String base = m.definitionName();
            List<VerilogModule> candidates = imported.stream()
                    .filter(v -> v.name().equals(base) || v.name().startsWith(base + "_")).toList();
            assertTrue(candidates.stream().anyMatch(v -> portsOf(v).equals(want)),
                    "no emitted module for " + base + " with ports " + want + "; candidates: "
                            + candidates.stream().map(VerilogModule::describe).toList());
            checked++;
        }
        return checked;
    }

    @Test
    void everyExampleModuleImportsBackToItsInterface() {
        int total = 0;
        for (Map.Entry<String, Supplier<Module>> e : ExampleDesigns.all().entrySet()) {
            total += checkRoundTrip(e.getValue());
        }
        assertTrue(total >= ExampleDesigns.all().size(), "checked " + total);
    }

    @Test
    void theManifestAgreesWithTheImport() {
        EmittedDesign d = ExampleDesigns.addAll(new VerilogEmitter()).render();
        for (String top : d.tops()) {
            VerilogModule m = new VerilogImporter().parse(d.module(top), top + ".v").get(0);
            for (VerilogPort p : m.ports()) {
                String entry = "{\"name\": \"" + p.name() + "\", \"direction\": \"" + p.direction().verilog()
                        + "\", \"width\": " + p.width() + ", \"signed\": " + p.signed();
                assertTrue(d.manifestJson().replaceAll("\\s+", "").contains(entry.replaceAll("\\s+", "")),
                        top + ": " + entry + " not in manifest");
            }
        }
    }
}
