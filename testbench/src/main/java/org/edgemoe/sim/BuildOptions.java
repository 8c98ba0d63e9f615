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

    public static BuildOptions defaults() {
        return new BuildOptions(Waveform.NONE, "-O2", Math.max(1, Runtime.getRuntime().availableProcessors()),
            CacheDirectory.defaultLocation());
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
