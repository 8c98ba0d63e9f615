package org.edgemoe.sim.bench;

/**
 * splitmix64, bit-for-bit the generator of the C++ reference loop ({@code em_random_run}), so a
 * Java-driven run and the C++ run see identical stimulus and must produce identical digests.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Folds one 64-bit output word into a digest, as the C++ loop does. */
    public static long fold(long digest, long word) {
        return (digest ^ word) * 0x100000001B3L;
    }
}
