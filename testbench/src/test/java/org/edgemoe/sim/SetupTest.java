package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/ensure-tools.sh checks versions, not only presence; the model build's parallelism is a property. */
class SetupTest {
    static final Path SCRIPT = Path.of("..", "scripts", "ensure-tools.sh").toAbsolutePath().normalize();

    @TempDir Path stubs;

    /** A stub tool on a PATH of its own that prints {@code answer}. */
    private void stub(String name, String answer) throws IOException {
        Path p = stubs.resolve(name);
        Files.writeString(p, "#!/bin/sh\ncat <<'EOF'\n" + answer + "\nEOF\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String output) { }

    private Run ensure(String... tools) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(tools));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", stubs + ":" + env.get("PATH"));
        env.put("ENSURE_TOOLS_NO_INSTALL", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void verilator4IsRefusedWithWhatToDoOnUbuntu2204() throws Exception {
        stub("verilator", "Verilator 4.038 2020-07-11 rev v4.036-114-g0cd4a57ad");
        Run r = ensure("verilator");
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("Verilator is version 4.038; the simulator needs Verilator 5"), r.output());
        assertTrue(r.output().contains("Ubuntu 22.04 ships 4.038"), r.output());
        assertTrue(r.output().contains("git checkout v5.006"), r.output());
    }

    @Test
    void aJre11OrAJdkWithoutJavacIsRefused() throws Exception {
        stub("java", "openjdk version \"11.0.20\" 2023-07-18");
        stub("javac", "javac 11.0.20");
        Run old = ensure("java");
        assertEquals(1, old.exit(), old.output());
        assertTrue(old.output().contains("java is version 11.0.20; a JDK 17 or newer is needed"), old.output());
        assertTrue(old.output().contains("sudo apt-get install -y openjdk-17-jdk-headless"), old.output());
    }

    @Test
    void currentToolsPass() throws Exception {
        stub("verilator", "Verilator 5.006 2023-01-22 rev (Debian 5.006-3)");
        stub("mvn", "Apache Maven 3.8.7\nMaven home: /usr/share/maven");
        stub("yosys", "Yosys 0.23 (git sha1 7ce5011c24b)");
        stub("java", "openjdk version \"17.0.15\" 2025-04-15");
        stub("javac", "javac 17.0.15");
        Run r = ensure("java", "mvn", "verilator", "yosys");
        assertEquals(0, r.exit(), r.output());
        assertEquals("", r.output().strip());
        stub("mvn", "Apache Maven 3.3.9");
        Run oldMaven = ensure("mvn");
        assertEquals(1, oldMaven.exit());
        assertTrue(oldMaven.output().contains("Maven is version 3.3.9; 3.6.3 or newer is needed"), oldMaven.output());
    }

    @Test
    void parallelCompileJobsComeFromSimJobs() {
        String before = System.getProperty("sim.jobs");
        try {
            System.setProperty("sim.jobs", "1");
            assertEquals(1, BuildOptions.defaults().jobs());
            System.setProperty("sim.jobs", "3");
            assertEquals(3, BuildOptions.defaultJobs());
            System.setProperty("sim.jobs", "many");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, BuildOptions::defaultJobs);
            assertEquals("-Dsim.jobs=many: the number of parallel compile jobs must be a positive integer", e.getMessage());
            System.clearProperty("sim.jobs");
            if (System.getenv("EDGEMOE_SIM_JOBS") == null) {
                assertEquals(Runtime.getRuntime().availableProcessors(), BuildOptions.defaultJobs());
            }
            assertEquals(2, BuildOptions.defaults().withJobs(2).jobs());
        } finally {
            if (before == null) System.clearProperty("sim.jobs");
            else System.setProperty("sim.jobs", before);
        }
    }
}
