package org.edgemoe.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The C driver ({@code edgemoe.c}) and its Linux platform ({@code edgemoe_linux.c}) through JNI
 * ({@code edgemoe_jni.c}). The C sources ship in the jar ({@code native/}); {@link #load()} compiles them once per
 * machine with the C compiler ({@code gcc}, or {@code -Dedgemoe.cc} / {@code $CC}) into
 * {@code ~/.cache/edgemoe-runtime} ({@code -Dedgemoe.runtime.cache} moves it), keyed by the sources and the
 * compiler, with {@code -std=c99 -Wall -Wextra -Werror}. {@code -Dedgemoe.native.lib=PATH} loads a library built
 * elsewhere (e.g. cross-compiled for the board) instead.
 *
 * <p>Two uses: {@link DeviceBackend} maps a board's registers and buffer through the Linux platform, and the
 * {@code driver*} functions run the C driver over any {@link AcceleratorBackend} (its methods become the C
 * platform's calls), which is how the C driver is tested against the simulation.
 */
public final class NativeDriver {
    /** The C sources, as in runtime/src/main/c and in the jar under native/. */
    public static final List<String> SOURCES = List.of("edgemoe.h", "edgemoe.c", "edgemoe_isa.h", "edgemoe_regs.h", "edgemoe_linux.h",
            "edgemoe_linux.c", "edgemoe_jni.c");
    public static final List<String> FLAGS = List.of("-std=c99", "-O2", "-fPIC", "-Wall", "-Wextra", "-Werror");
    static final String LIBRARY = "libedgemoe_jni.so";
    private static volatile boolean loaded;

    private NativeDriver() { }

    /** Loads the JNI library, compiling it first if the cache has none for these sources and this compiler. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String prebuilt = System.getProperty("edgemoe.native.lib");
        if (prebuilt != null && !prebuilt.isBlank()) {
            Path p = Path.of(prebuilt).toAbsolutePath();
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("-Dedgemoe.native.lib=" + prebuilt + ": no such file");
            }
            System.load(p.toString());
        } else {
            System.load(cached().toString());
        }
        loaded = true;
    }

    static String compiler() {
        String cc = System.getProperty("edgemoe.cc");
        if (cc == null || cc.isBlank()) {
            cc = System.getenv("CC");
        }
        return cc == null || cc.isBlank() ? "gcc" : cc;
    }

    static String source(String name) {
        try (InputStream in = NativeDriver.class.getResourceAsStream("/native/" + name)) {
            if (in == null) {
                throw new IllegalStateException("C source native/" + name + " missing from the classpath (the runtime jar ships it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path javaHeaders() {
        for (String candidate : new String[] {System.getProperty("java.home"), System.getenv("JAVA_HOME")}) {
            if (candidate == null) {
                continue;
            }
            Path home = Path.of(candidate);
            for (Path dir : new Path[] {home, home.getParent()}) {
                if (dir != null && Files.isRegularFile(dir.resolve("include/jni.h"))) {
                    return dir.resolve("include");
                }
            }
        }
        throw new IllegalStateException("jni.h not found under java.home or JAVA_HOME: a full JDK is needed to build the native driver"
                + " (sudo apt-get install -y openjdk-17-jdk-headless), or pass -Dedgemoe.native.lib=PATH");
    }

    /** Runs a command in {@code dir}; its output on failure. */
    static String run(Path dir, List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + ": no answer in 300 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0) + " (" + e.getMessage() + "): the native driver needs a C compiler"
                    + " (sudo apt-get install -y gcc), or pass -Dedgemoe.native.lib=PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    /** Writes the C sources into {@code dir} and compiles them there into {@value #LIBRARY}; returns its path. */
    public static Path build(Path dir) {
        try {
            for (String s : SOURCES) {
                Files.writeString(dir.resolve(s), source(s));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path inc = javaHeaders();
        List<String> cmd = new ArrayList<>(List.of(compiler()));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-shared", "-I" + inc, "-I" + inc.resolve("linux"), "edgemoe.c", "edgemoe_linux.c", "edgemoe_jni.c", "-o", LIBRARY));
        run(dir, cmd);
        return dir.resolve(LIBRARY);
    }

    private static Path cached() {
        String root = System.getProperty("edgemoe.runtime.cache");
        Path cache = root == null || root.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "edgemoe-runtime") : Path.of(root);
        String version = run(Path.of("."), List.of(compiler(), "--version"));
        String key;
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String s : SOURCES) {
                d.update(source(s).getBytes(StandardCharsets.UTF_8));
            }
            d.update(String.join(" ", FLAGS).getBytes(StandardCharsets.UTF_8));
            d.update(version.getBytes(StandardCharsets.UTF_8));
            d.update(Files.readAllBytes(javaHeaders().resolve("jni.h")));
            key = HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (Exception e) {
            throw new IllegalStateException("cannot key the native driver's cache entry: " + e.getMessage(), e);
        }
        Path target = cache.resolve("jni-" + key);
        Path lib = target.resolve(LIBRARY);
        if (Files.isRegularFile(lib)) {
            return lib;
        }
        try {
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, "build-");
            build(work);
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isRegularFile(lib)) {
                    throw e;
                }
            } catch (IOException e) {
                if (!Files.isRegularFile(lib)) {
                    throw e;
                }
            }
            return lib;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the native driver into " + cache + ": " + e.getMessage(), e);
        }
    }

    // ---- the Linux platform ----

    static native long linuxOpen(String regs, String buffer);

    static native void linuxClose(long h);

    static native String linuxDescribe(long h);

    static native boolean linuxHasIrq(long h);

    static native long linuxBufBase(long h);

    static native long linuxBufSize(long h);

    static native int linuxRegRead(long h, int offset);

    static native void linuxRegWrite(long h, int offset, int value);

    static native int linuxBufWrite(long h, long offset, byte[] data, int off, int len);

    static native int linuxBufRead(long h, long offset, byte[] dst, int off, int len);

    static native int linuxWaitIrq(long h, int us);

    // ---- the C driver over a Java backend; each returns an edgemoe_status (0 = EDGEMOE_OK) ----

    /** A C driver instance whose platform is {@code backend}; free it with {@link #driverFree}. */
    public static native long driverCreate(AcceleratorBackend backend);

    public static native void driverFree(long h);

    public static native int driverOpen(long h);

    public static native int driverLoadWeights(long h, byte[] image, long expectedHash);

    public static native int driverLoadProgram(long h, byte[] program);

    public static native int driverLoadInput(long h, byte[] pixels);

    public static native int driverSetWatchdog(long h, int cycles);

    public static native int driverStart(long h, int task);

    public static native int driverWait(long h, long timeoutUs, Accelerator.Progress progress);

    public static native int driverAbort(long h);

    public static native long driverOutputValues(long h);

    public static native int driverOutputTokens(long h);

    public static native int driverReadOutput(long h, int[] raw);

    /** cycles, busy CU / ATTN / LN / ROUTER / EMBED, DDR read / write bytes, DDR stall, commands. */
    public static native int driverReadPerf(long h, long[] perf10);

    /** code, index, opcode, addr, status of the last failed run. */
    public static native void driverLastError(long h, long[] error5);

    public static native String driverMessage(long h);

    public static native String errorName(int code);

    public static native String errorMeaning(int code);

    public static native String statusName(int status);

    public static native int crc32(byte[] data);

    public static native float[] toFloat(int[] raw, int fracBits);

    /** null when the image passes the C driver's checks, else its message. */
    public static native String checkImage(byte[] image, long expectedHash);
}
