package org.edgemoe.rtl;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;

/** The main job without Maven's plugin: edge-moe-rtl's default configuration ({@link EdgeMoeDesigns#defaults()}) into one folder. */
public final class GenerateVerilog {
    private GenerateVerilog() { }

    public static VerilogEmitter defaultConfiguration() {
        VerilogEmitter emitter = new VerilogEmitter();
        for (Supplier<Module> design : new EdgeMoeDesigns().defaults().values()) {
            emitter.add(Elaboration.elaborate(design).topIR());
        }
        return emitter;
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "build/rtl");
        EmittedDesign d = defaultConfiguration().write(out);
        System.out.println("wrote " + d.files().size() + " Verilog files (" + d.tops().size() + " top modules) and manifest.json to " + out);
    }
}
