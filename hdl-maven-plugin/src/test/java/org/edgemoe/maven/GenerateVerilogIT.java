package org.edgemoe.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.edgemoe.hdl.examples.ExampleDesigns;
import org.edgemoe.rtl.Blocks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds the consumer project in src/it/consumer with the installed plugin (this test runs in the install
 * phase, after the plugin and edge-moe-rtl are in the local repository), lints what it wrote with
 * {@code verilator --lint-only -Wall}, and checks that a broken design fails the build with its location.
 * Maven runs offline ({@code -o}) unless {@code -Dhdl.it.online=true}.
 */
class GenerateVerilogIT {
    static final Path FIXTURE = Path.of("src/it/consumer").toAbsolutePath();
    static final Path WORK = Path.of("target/it/consumer").toAbsolutePath();
    static String version;

    @BeforeAll
    static void copyFixture() throws IOException {
        version = System.getProperty("hdl.it.version", "0.1.0-SNAPSHOT");
        deleteTree(WORK);
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            for (Path p : walk.toList()) {
                Path to = WORK.resolve(FIXTURE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void consumerGeneratesItsOwnDesignAFactoryAndTheEdgeMoeDefaultThenLintsClean() throws Exception {
        Result r = mvn("process-classes");
        assertEquals(0, r.exit, r.output);
        Path rtl = WORK.resolve("target/rtl");

        String blinker = Files.readString(rtl.resolve("blinker/manifest.json"));
        assertTrue(blinker.contains("\"class\": \"Blinker\""), blinker);
        assertTrue(blinker.contains("\"WIDTH\": 12"), blinker);
        assertTrue(blinker.contains("\"FAST\": 1"), blinker);
        assertTrue(Files.readString(rtl.resolve("factory/manifest.json")).contains("\"WIDTH\": 6"));

        String edge = Files.readString(rtl.resolve("edge-moe/manifest.json"));
        List<String> tops = topNames(edge);
        assertEquals(Blocks.defaults().size() + ExampleDesigns.all().size(), tops.size(), "tops: " + tops);
        assertTrue(tops.contains("SystolicArray"), tops.toString());

        for (String dir : List.of("blinker", "factory", "edge-moe")) {
            Path d = rtl.resolve(dir);
            for (String top : topNames(Files.readString(d.resolve("manifest.json")))) {
                lint(d, top);
            }
        }
    }

    @Test
    void brokenDesignFailsTheBuildWithFileAndLine() throws Exception {
        int line = lineOf(FIXTURE.resolve("src/main/java/org/example/consumer/Broken.java"), "BROKEN-LINE");
        Result r = mvn("compile", "org.edgemoe:hdl-maven-plugin:" + version + ":generate-verilog",
                "-Dhdl.generator=org.example.consumer.Broken", "-Dhdl.outputDirectory=" + WORK.resolve("target/rtl/broken"));
        assertNotEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("Broken.java:" + line + ": width mismatch"), r.output);
        assertTrue(r.output.contains("1 elaboration error"), r.output);
        assertFalse(Files.exists(WORK.resolve("target/rtl/broken")), "nothing written on error");
    }

    private static void lint(Path dir, String top) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        try (Stream<Path> vs = Files.list(dir)) {
            vs.filter(p -> p.toString().endsWith(".v")).sorted().forEach(p -> cmd.add(p.toString()));
        }
        Result r = run(cmd, dir, 120);
        assertEquals(0, r.exit, "verilator lint of " + top + " in " + dir + ":\n" + r.output);
        assertFalse(r.output.contains("%Warning"), r.output);
    }

    private static Result mvn(String... goals) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-ntp"));
        if (!Boolean.getBoolean("hdl.it.online")) {
            cmd.add("-o");
        }
        cmd.add("-Dedgemoe.version=" + version);
        cmd.addAll(List.of(goals));
        return run(cmd, WORK, 300);
    }

    record Result(int exit, String output) { }

    private static Result run(List<String> cmd, Path dir, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("it", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Result(p.exitValue(), String.join(" ", cmd) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static List<String> topNames(String manifest) {
        // top entries are the objects holding "file": "<Name>.v"
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\\.v\"").matcher(manifest);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int lineOf(Path file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker + " not in " + file);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
