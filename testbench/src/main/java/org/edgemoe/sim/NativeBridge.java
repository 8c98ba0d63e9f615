package org.edgemoe.sim;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The single JNI library of the simulator. Its C++ source ships as a resource and is compiled
 * into the cache once per machine (keyed by source, compiler and jni.h); model libraries are
 * reached through it by function pointers, never through their own JNI symbols.
 */
final class NativeBridge {
    static final String SOURCE_RESOURCE = "native/bridge.cpp";
    private static volatile boolean loaded;

    private NativeBridge() {
    }

    static synchronized void ensureLoaded(BuildOptions options) {
        if (loaded) return;
        Toolchain tools = Toolchain.get();
        String source = ShimGenerator.resource(SOURCE_RESOURCE);
        Path javaHome = javaHomeWithHeaders();
        CacheKey key = new CacheKey("bridge").add(source).add(tools.cxxVersion)
            .addFile(javaHome.resolve("include").resolve("jni.h"));
        Path entry = CacheDirectory.entry(options.cacheDirectory(), "bridge", key.hex(), work -> {
            Files.writeString(work.resolve("bridge.cpp"), source);
            List<String> cmd = new ArrayList<>(List.of(tools.cxx, "-std=gnu++17", "-O2", "-fPIC", "-shared",
                "-fvisibility=hidden", "-I" + javaHome.resolve("include"), "-I" + javaHome.resolve("include/linux"),
                "bridge.cpp", "-o", "libedgemoe_sim_bridge.so", "-ldl"));
            CommandResult r = CommandRunner.run(work, cmd);
            if (!r.succeeded()) throw BuildDiagnostics.compilerFailed("the JNI bridge", r);
        });
        System.load(entry.resolve("libedgemoe_sim_bridge.so").toString());
        loaded = true;
    }

    private static Path javaHomeWithHeaders() {
        for (String candidate : new String[] {System.getProperty("java.home"), System.getenv("JAVA_HOME")}) {
            if (candidate == null) continue;
            Path home = Path.of(candidate);
            for (Path dir : new Path[] {home, home.getParent()}) {
                if (dir != null && Files.isRegularFile(dir.resolve("include/jni.h"))) return dir;
            }
        }
        throw new SimBuildException("jni.h not found under java.home or JAVA_HOME; a full JDK is needed"
            + " (sudo apt-get install -y openjdk-17-jdk-headless)");
    }

    static native long openLibrary(String path);

    static native boolean hasClock(long api);

    static native int traceKind(long api);

    static native long create(long api, int randReset, int seed);

    static native String describeSignals(long instance);

    static native ByteBuffer state(long instance);

    static native void destroy(long instance);

    static native void eval(long instance);

    /** Set in {@link #step} / {@link #runBatch} results when events wait for {@link #takeEvents}. */
    static final long EVENTS_FLAG = 1L << 62;

    /** Cycles run (stops after a failed assertion), with {@link #EVENTS_FLAG}; -1 without a clock. */
    static native long step(long instance, long cycles);

    /** Waiting assertion failures and reports, one per line: kind, cycle, scope, where, message (tabs); clears them. */
    static native String takeEvents(long instance);

    static native long runBatch(long instance, long cycles, ByteBuffer stimulus, int[] inputs, ByteBuffer results,
                                int[] outputs);

    static native long randomRun(long instance, long cycles, long seed, int[] inputs, int[] outputs);

    static native int traceOpen(long instance, String path);

    static native void traceClose(long instance);
}
