package org.edgemoe.sim;

import java.util.List;

/** Exit code and merged stdout/stderr of one finished external command. */
record CommandResult(List<String> command, int exitCode, String output) {
    boolean succeeded() {
        return exitCode == 0;
    }
}
