package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked-in C header and Java constants match the register map the RTL is built from, and the header compiles. */
class RegisterFilesTest {
    static final Path ROOT = Path.of("..");
    static final String REGENERATE = "regenerate with: java -cp runtime/target/classes:edge-moe-rtl/target/classes:"
            + "hdl-core/target/classes org.edgemoe.runtime.RegisterFiles .";

    @Test
    void cHeaderMatchesTheRegisterMap() throws Exception {
        assertEquals(RegisterFiles.cHeader(), Files.readString(ROOT.resolve(RegisterFiles.C_HEADER)),
                RegisterFiles.C_HEADER + " drifted from ControlRegisters.MAP; " + REGENERATE);
    }

    @Test
    void javaConstantsMatchTheRegisterMap() throws Exception {
        assertEquals(RegisterFiles.javaConstants(), Files.readString(ROOT.resolve(RegisterFiles.JAVA_CONSTANTS)),
                RegisterFiles.JAVA_CONSTANTS + " drifted from ControlRegisters.MAP; " + REGENERATE);
        assertEquals(0x000, EdgeMoeRegs.CTRL);
        assertEquals(1, EdgeMoeRegs.CTRL_START_MASK);
    }

    @Test
    void cHeaderCompilesWithWarningsAsErrors(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("use.c");
        Files.writeString(c, "#include \"edgemoe_regs.h\"\nunsigned start(void) { return EDGEMOE_CTRL_START_MASK | EDGEMOE_CTRL; }\n");
        ProcessBuilder pb;
        try {
            pb = new ProcessBuilder("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-c", c.toString(), "-o", dir.resolve("use.o").toString(),
                    "-I", ROOT.resolve("runtime/src/main/c").toAbsolutePath().toString()).redirectErrorStream(true);
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
        } catch (java.io.IOException e) {
            assumeTrue(false, "gcc not installed (apt-get install gcc): " + e.getMessage());
        }
    }
}
