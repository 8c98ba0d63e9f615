package org.edgemoe.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Runs external tools (Verilator, g++), one at a time or several in parallel. */
final class CommandRunner {
    private CommandRunner() {
    }

    static CommandResult run(Path workDir, List<String> command) {
        return runAll(workDir, List.of(command), 1).get(0);
    }

    /**
     * Runs every command with at most {@code jobs} alive at once. Output goes to temp files rather
     * than pipes, so no reader thread is needed per process.
     */
    static List<CommandResult> runAll(Path workDir, List<List<String>> commands, int jobs) {
        List<CommandResult> results = new ArrayList<>();
        Deque<List<String>> pending = new ArrayDeque<>(commands);
        Deque<Running> running = new ArrayDeque<>();
        try {
            while (!pending.isEmpty() || !running.isEmpty()) {
                while (!pending.isEmpty() && running.size() < jobs) {
                    running.add(start(workDir, pending.poll()));
                }
                results.add(running.poll().finish());
            }
        } catch (IOException e) {
            throw new SimBuildException("cannot run " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimBuildException("interrupted while building", e);
        } finally {
            running.forEach(r -> r.process.destroyForcibly());
        }
        return results;
    }

    private static Running start(Path workDir, List<String> command) throws IOException {
        Path log = Files.createTempFile(workDir, "cmd", ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Running(command, process, log);
    }

    private record Running(List<String> command, Process process, Path log) {
        CommandResult finish() throws InterruptedException, IOException {
            int code = process.waitFor();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new CommandResult(command, code, output);
        }
    }
}
