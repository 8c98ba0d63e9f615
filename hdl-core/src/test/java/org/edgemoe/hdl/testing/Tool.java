package org.edgemoe.hdl.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.edgemoe.hdl.emit.EmittedDesign;

/** Runs external EDA tools; tests are skipped (not failed) when a tool is not installed. */
public final class Tool {
    private Tool() { }

    private static final Map<String, Boolean> PRESENT = new ConcurrentHashMap<>();

    /** Result of one tool run: exit code and combined stdout + stderr. */
    public record Result(int exitCode, String output) { }

    /** Skips the calling test unless {@code tool} is on the PATH. */
    public static void assume(String tool, String installHint) {
        boolean ok = PRESENT.computeIfAbsent(tool, t -> {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, t))) {
                    return true;
                }
            }
            return false;
        });
        assumeTrue(ok, tool + " is not installed; install it with: " + installHint);
    }

    public static void assumeVerilator() { assume("verilator", "sudo apt-get install verilator"); }
    public static void assumeYosys() { assume("yosys", "sudo apt-get install yosys"); }
    public static void assumeIverilog() {
        assume("iverilog", "sudo apt-get install iverilog");
        assume("vvp", "sudo apt-get install iverilog");
    }

    /** Runs {@code command} in {@code dir}, with a timeout, returning exit code and output. */
    public static Result run(Path dir, List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " timed out after " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /** The Verilog files of {@code design} (as written into a folder), sorted by name. */
    public static List<String> verilogFiles(EmittedDesign design) {
        List<String> files = new ArrayList<>(design.files().keySet());
        files.sort(null);
        return files;
    }

    public static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
