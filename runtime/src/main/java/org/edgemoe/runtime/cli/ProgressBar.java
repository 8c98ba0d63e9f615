package org.edgemoe.runtime.cli;

import java.io.PrintWriter;
import org.edgemoe.runtime.Accelerator;

/**
 * The run's progress on standard error: on a terminal one line redrawn in place
 * ({@code [##########..........]  26/52 commands  1.234 ms}); otherwise clean lines, one each time another
 * tenth of the commands is done, so a log file stays readable. Time is the accelerator's (simulated time in
 * simulation); the wall-clock time is added when it differs.
 */
public final class ProgressBar implements Accelerator.Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean showWall;
    private final long wall0 = System.nanoTime();
    private int lastTenth = -1;
    private long lastDone = -1;
    private String lastLine = "";

    public ProgressBar(PrintWriter err, boolean terminal, boolean showWall) {
        this.err = err;
        this.terminal = terminal;
        this.showWall = showWall;
    }

    @Override
    public void update(long done, long total, long elapsedNanos) {
        String line = line(done, total, elapsedNanos);
        if (terminal) {
            if (!line.equals(lastLine)) {
                err.print("\r" + line);
                err.flush();
                lastLine = line;
            }
            return;
        }
        int tenth = total == 0 ? 10 : (int) (done * 10 / total);
        if (tenth != lastTenth && done != lastDone) {
            err.println(line);
            err.flush();
            lastTenth = tenth;
            lastDone = done;
        }
    }

    /** Ends the bar's line on a terminal. */
    public void finish() {
        if (terminal && !lastLine.isEmpty()) {
            err.println();
            err.flush();
            lastLine = "";
        }
    }

    String line(long done, long total, long elapsedNanos) {
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String wall = showWall ? String.format(" (%.1f s wall)", (System.nanoTime() - wall0) / 1e9) : "";
        int width = Long.toString(total).length();
        return String.format("[%s] %" + width + "d/%d commands  %.3f ms%s", bar, done, total, elapsedNanos / 1e6, wall);
    }
}
