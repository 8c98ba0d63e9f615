package org.edgemoe.sim;

import java.util.ArrayList;
import java.util.List;

/** Picks the lines that matter (file:line: message) out of Verilator and compiler output. */
final class BuildDiagnostics {
    private static final int MAX_LINES = 25;

    private BuildDiagnostics() {
    }

    static SimBuildException verilatorFailed(String top, CommandResult result) {
        List<String> errors = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            if (line.startsWith("%Error")) errors.add(line);
        }
        return new SimBuildException("Verilator failed on top module " + top + ":\n" + summary(errors, result));
    }

    static SimBuildException compilerFailed(String what, CommandResult result) {
        List<String> errors = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            if (line.contains("error:") || line.contains("undefined reference")) errors.add(line);
        }
        return new SimBuildException("C++ build of " + what + " failed:\n" + summary(errors, result));
    }

    private static String summary(List<String> errors, CommandResult result) {
        List<String> lines = errors.isEmpty() ? List.of(result.output().strip().split("\n")) : errors;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_LINES, lines.size()); i++) text.append("  ").append(lines.get(i)).append('\n');
        if (lines.size() > MAX_LINES) text.append("  ... ").append(lines.size() - MAX_LINES).append(" more\n");
        text.append("  (command: ").append(String.join(" ", result.command())).append(")");
        return text.toString();
    }
}
