package org.edgemoe.rtl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;

/** verilator --lint-only -Wall on an emitted design, for the blocks' lint tests. */
public final class VerilatorLint {
    private VerilatorLint() { }

    /** Emits {@code design} into {@code dir} and runs {@code verilator --lint-only -Wall}; fails on any output. */
    public static EmittedDesign assertClean(Supplier<? extends Module> design, Path dir) throws IOException, InterruptedException {
        EmittedDesign d = new VerilogEmitter().add(Elaboration.elaborate(design).topIR()).write(dir);
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", d.tops().get(0)));
        for (String f : d.files().keySet()) {
            if (f.endsWith(".v")) {
                cmd.add(dir.resolve(f).toString());
            }
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(300, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out.strip(), "verilator -Wall warnings");
        return d;
    }
}
