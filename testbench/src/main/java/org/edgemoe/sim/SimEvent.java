package org.edgemoe.sim;

/**
 * One event of a design's simulation-only checks (hdl-core {@code assertAlways}, {@code assume}, {@code report}):
 * what, at which cycle, in which instance ({@code TOP.Top.u_fifo}), from which source line, with its formatted
 * message.
 */
public record SimEvent(Kind kind, long cycle, String scope, String where, String message) {

    /** What happened; the codes are those of hdl-core's emitted {@code hdl_sim_event} calls. */
    public enum Kind {
        ASSERTION_FAILED(1, "assertion failed"),
        ASSUMPTION_FAILED(2, "assumption failed"),
        REPORT(3, "report");

        final int code;
        final String text;

        Kind(int code, String text) {
            this.code = code;
            this.text = text;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) return k;
            }
            throw new IllegalArgumentException("unknown simulation event kind " + code);
        }
    }

    public boolean isFailure() {
        return kind != Kind.REPORT;
    }

    /** Parses the bridge's event table (see NativeBridge.takeEvents). */
    static java.util.List<SimEvent> parse(String table) {
        java.util.List<SimEvent> out = new java.util.ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", 5);
            out.add(new SimEvent(Kind.of(Integer.parseInt(f[0])), Long.parseLong(f[1]), f[2], f[3], f.length > 4 ? f[4] : ""));
        }
        return out;
    }

    @Override
    public String toString() {
        if (kind == Kind.REPORT) {
            return "[cycle " + cycle + "] " + where + ": " + message;
        }
        return kind.text + " at cycle " + cycle + " in " + scope + ": " + message + " (" + where + ")";
    }
}
