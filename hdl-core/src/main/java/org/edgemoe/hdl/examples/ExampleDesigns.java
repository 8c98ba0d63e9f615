package org.edgemoe.hdl.examples;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;

/** The library's example designs and the standard benchmark design, by name. */
public final class ExampleDesigns {
    private ExampleDesigns() { }

    public static Map<String, Supplier<Module>> all() {
        Map<String, Supplier<Module>> m = new LinkedHashMap<>();
        m.put("CounterExample", CounterExample::new);
        m.put("MacUnit", MacUnit::new);
        m.put("QueueExample", QueueExample::new);
        m.put("RamExample", RamExample::new);
        m.put("SystolicArray", () -> new SystolicArray(16));
        return m;
    }

    /** Adds every example to {@code emitter}. */
    public static VerilogEmitter addAll(VerilogEmitter emitter) {
        for (Supplier<Module> s : all().values()) {
            emitter.add(Elaboration.elaborate(s).topIR());
        }
        return emitter;
    }

    /** Writes every example into the folder given as the first argument (default build/rtl). */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "build/rtl");
        EmittedDesign d = addAll(new VerilogEmitter()).write(out);
        System.out.println("wrote " + d.files().size() + " Verilog files and manifest.json to " + out);
    }
}
