package org.edgemoe.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns {@link VerilogSources} into a loaded {@link SimModel}: Verilator to C++, the generated
 * shim, a parallel C++ build and a link into one shared library, cached by content hash. A
 * design compiled twice in one JVM is loaded once; across JVMs the cache entry is reused.
 */
public final class ModelCompiler {
    /** Bump to invalidate every cached model (the recipe classes below are hashed anyway). */
    static final String RECIPE_VERSION = "4";
    /** The classes whose code decides what a model library contains; their bytecode is in the key. */
    private static final List<Class<?>> RECIPE = List.of(ModelCompiler.class, ModelHeaderParser.class,
        ShimGenerator.class, UnityGroups.class, Toolchain.class);
    static final String MODEL_CLASS = "Vdut";
    static final String LIBRARY = "model.so";
    static final List<String> VERILATOR_FLAGS = List.of("--cc", "-O3", "--x-assign", "fast", "--x-initial", "unique",
        "--noassert", "--output-split", "5000", "--output-split-cfuncs", "2000", "-Wno-fatal",
        // hdl-core's simulation checks report through DPI (hdl_sim_event in the shim) rather than $display
        "+define+HDL_SIM_DPI");

    private static final Map<String, SimModel> LOADED = new ConcurrentHashMap<>();

    private ModelCompiler() {
    }

    public static SimModel compile(VerilogSources sources) {
        return compile(sources, BuildOptions.defaults());
    }

    public static SimModel compile(VerilogSources sources, BuildOptions options) {
        Toolchain tools = Toolchain.get();
        NativeBridge.ensureLoaded(options);
        String key = cacheKey(tools, sources, options);
        return LOADED.computeIfAbsent(options.cacheDirectory() + "/" + key, k -> {
            Path entry = CacheDirectory.entry(options.cacheDirectory(), "models", key,
                work -> build(tools, sources, options, work));
            return SimModel.load(entry.resolve(LIBRARY), sources, options);
        });
    }

    /**
     * Builds the per-machine parts (JNI bridge, Verilated runtime for {@code options}' waveform
     * format) if the cache folder lacks them, e.g. once in CI before the tests.
     */
    public static void prepareMachine(BuildOptions options) {
        NativeBridge.ensureLoaded(options);
        VerilatedRuntime.archive(Toolchain.get(), options);
        PrecompiledHeader.header(Toolchain.get(), options);
    }

    /** Whether {@code sources} with {@code options} are already built in the cache folder. */
    public static boolean isCached(VerilogSources sources, BuildOptions options) {
        String key = cacheKey(Toolchain.get(), sources, options);
        return Files.isRegularFile(options.cacheDirectory().resolve("models").resolve(key).resolve(LIBRARY));
    }

    /** Forgets the models loaded in this JVM, so the next compile goes through the cache folder. */
    static void forgetLoaded() {
        LOADED.clear();
    }

    static String cacheKey(Toolchain tools, VerilogSources sources, BuildOptions options) {
        CacheKey key = new CacheKey("model").add(RECIPE_VERSION).add(ShimGenerator.template());
        RECIPE.forEach(recipe -> key.add(classBytes(recipe)));
        key.add(tools.verilatorVersion).add(tools.cxxVersion).add(String.join(" ", tools.cxxFlags(options.waveform())))
            .add(String.join(" ", VERILATOR_FLAGS)).add(options.waveform().name()).add(options.cxxOptimisation())
            .add(sources.top()).add(String.join(" ", sources.verilatorFlags()));
        sources.files().forEach(key::addFile);
        return key.hex();
    }

    private static byte[] classBytes(Class<?> type) {
        try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void build(Toolchain tools, VerilogSources sources, BuildOptions options, Path work)
            throws IOException {
        Path runtime = VerilatedRuntime.archive(tools, options);
        Path pch = PrecompiledHeader.header(tools, options);
        BuildLog log = new BuildLog(sources.top());
        Path obj = verilate(tools, sources, options, work);
        log.phase("verilator");
        List<Path> objects = compileUnits(tools, sources.top(), options, obj, pch);
        log.phase("c++ (" + objects.size() + " units, " + options.jobs() + " jobs)");
        List<String> link = new ArrayList<>(List.of(tools.cxx, "-shared", "-o", work.resolve(LIBRARY).toString()));
        objects.forEach(o -> link.add(o.toString()));
        link.addAll(List.of(runtime.toString(), "-Wl,--exclude-libs,ALL", "-Wl,-Bsymbolic", "-pthread", "-latomic"));
        if (options.waveform() == Waveform.FST) link.add("-lz");
        CommandResult linked = CommandRunner.run(work, link);
        if (!linked.succeeded()) throw BuildDiagnostics.compilerFailed("model " + sources.top(), linked);
        log.phase("link");
        Files.writeString(work.resolve("sources.txt"), sources.top() + "\n" + String.join("\n",
            sources.files().stream().map(Path::toString).toList()) + "\n");
        CacheDirectory.deleteRecursively(obj);
    }

    /** Runs Verilator and writes the shim next to its output; returns the output folder. */
    private static Path verilate(Toolchain tools, VerilogSources sources, BuildOptions options, Path work)
            throws IOException {
        Path obj = work.resolve("obj");
        List<String> verilate = new ArrayList<>(List.of(tools.verilator));
        verilate.addAll(VERILATOR_FLAGS);
        verilate.addAll(options.waveform().verilatorFlags());
        verilate.addAll(List.of("--prefix", MODEL_CLASS, "--top-module", sources.top(), "-Mdir", obj.toString()));
        verilate.addAll(sources.verilatorFlags());
        sources.files().forEach(f -> verilate.add(f.toString()));
        CommandResult verilated = CommandRunner.run(work, verilate);
        if (!verilated.succeeded()) throw BuildDiagnostics.verilatorFailed(sources.top(), verilated);
        boolean flatPublic = sources.verilatorFlags().stream().anyMatch(f -> f.startsWith("--public"));
        List<SignalSpec> signals = ModelHeaderParser.parse(obj, MODEL_CLASS, sources.top(), flatPublic);
        Files.writeString(obj.resolve("edgemoe_shim.cpp"), ShimGenerator.generate(MODEL_CLASS, signals));
        return obj;
    }

    /** Compiles the unity units in parallel; returns the object files. */
    private static List<Path> compileUnits(Toolchain tools, String top, BuildOptions options, Path obj, Path pch)
            throws IOException {
        List<List<String>> compiles = new ArrayList<>();
        List<Path> objects = new ArrayList<>();
        for (UnityGroups.Group group : UnityGroups.plan(obj, options.jobs())) {
            Path unit = obj.resolve(group.fileName());
            Files.writeString(unit, group.source());
            List<String> cmd = new ArrayList<>(tools.cxxFlags(options.waveform()));
            if (group.hot()) {
                cmd.addAll(List.of("-include", pch.toString(), options.cxxOptimisation()));
            } else {
                cmd.add("-O0"); // run-once construction code; its precompiled header would need -O0 too
            }
            Path object = obj.resolve(group.fileName() + ".o");
            cmd.addAll(List.of("-I" + obj, "-c", unit.toString(), "-o", object.toString()));
            compiles.add(cmd);
            objects.add(object);
        }
        for (CommandResult r : CommandRunner.runAll(obj, compiles, options.jobs())) {
            if (!r.succeeded()) throw BuildDiagnostics.compilerFailed("model " + top, r);
        }
        return objects;
    }
}
