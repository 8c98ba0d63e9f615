package org.edgemoe.rtl.cu;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.edgemoe.hdl.core.Design;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.model.hw.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default unit (and the dsp18 variant) pass verilator --lint-only -Wall with no warning. */
class LintTest {

    static void lint(java.util.function.Supplier<ComputeUnit> top, Path dir) throws IOException, InterruptedException {
        Design<ComputeUnit> d = Elaboration.elaborate(top);
        String top0 = new VerilogEmitter().add(d.topIR()).write(dir).tops().get(0);
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top0));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".v")).sorted().forEach(p -> cmd.add(p.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.isBlank(), out);
    }

    @Test
    void defaultLintsClean(@TempDir Path dir) throws Exception {
        lint(ComputeUnit::new, dir);
    }

    @Test
    void dsp18LintsClean(@TempDir Path dir) throws Exception {
        lint(() -> new ComputeUnit(CuConfig.of(4, 4, Formats.dsp18())), dir);
    }
}
