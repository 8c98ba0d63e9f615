package org.edgemoe.sim;

/** With {@code -Dedgemoe.sim.verbose=true}, prints how long each phase of a model build took. */
final class BuildLog {
    private final String top;
    private final boolean enabled = Boolean.getBoolean("edgemoe.sim.verbose");
    private long last = System.nanoTime();

    BuildLog(String top) {
        this.top = top;
    }

    void phase(String name) {
        long now = System.nanoTime();
        if (enabled) System.err.printf("edgemoe-sim: %s %s %.2f s%n", top, name, (now - last) / 1e9);
        last = now;
    }
}
