package org.edgemoe.sim;

import java.nio.file.Path;

/**
 * How to build a model: waveform support, C++ optimisation of the hot code, parallel compile
 * jobs and the cache folder. All of them except {@code jobs} and the folder are in the cache key.
 */
public record BuildOptions(Waveform waveform, String cxxOptimisation, int jobs, Path cacheDirectory) {

    public BuildOptions {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be >= 1");
    }

    /**
     * No waveform, {@code -O2}, the default cache folder and {@link #defaultJobs()} parallel C++ compiles.
     */
    public static BuildOptions defaults() {
        return new BuildOptions(Waveform.NONE, "-O2", defaultJobs(), CacheDirectory.defaultLocation());
    }

    /**
     * Parallel compiles of a model build: {@code -Dsim.jobs=N} (Maven passes it on to the tests), else
     * {@code $EDGEMOE_SIM_JOBS}, else every core. A value that is not a positive integer is an error.
     */
    public static int defaultJobs() {
        String v = System.getProperty("sim.jobs");
        String from = "-Dsim.jobs";
        if (v == null || v.isBlank()) {
            v = System.getenv("EDGEMOE_SIM_JOBS");
            from = "EDGEMOE_SIM_JOBS";
        }
        if (v == null || v.isBlank()) return Math.max(1, Runtime.getRuntime().availableProcessors());
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(from + "=" + v + ": the number of parallel compile jobs must be a positive integer");
    }

    public BuildOptions withJobs(int n) {
        return new BuildOptions(waveform, cxxOptimisation, n, cacheDirectory);
    }

    public BuildOptions withWaveform(Waveform format) {
        return new BuildOptions(format, cxxOptimisation, jobs, cacheDirectory);
    }

    public BuildOptions withCacheDirectory(Path directory) {
        return new BuildOptions(waveform, cxxOptimisation, jobs, directory);
    }

    public BuildOptions withCxxOptimisation(String flag) {
        return new BuildOptions(waveform, flag, jobs, cacheDirectory);
    }
}
