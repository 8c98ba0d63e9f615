package org.edgemoe.hdl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Tool;
import org.edgemoe.hdl.testing.Workdir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 100,000-register benchmark design emits Verilog that Verilator lints clean (its speed is in make bench). */
class ManyRegistersLintTest {
    @TempDir Path tmp;

    @Test void hundredThousandRegistersLintClean() {
        EmittedDesign d = Emit.of(() -> new ManyRegisters(100_000));
        String v = d.files().get("ManyRegisters.v");
        assertEquals(100_000, v.split("reg  \\[7:0\\] stages_", -1).length - 1, "every register declared");
        Tool.assumeVerilator();
        List<String> files = Workdir.write(d, tmp);
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", "ManyRegisters"));
        cmd.addAll(files);
        Tool.Result r = Tool.run(tmp, cmd, 600);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().isBlank(), r.output());
    }
}
