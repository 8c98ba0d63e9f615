package org.edgemoe.sim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgemoe.sim.BatchRun;
import org.edgemoe.sim.BuildOptions;
import org.edgemoe.sim.ModelCompiler;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.VerilogSources;

/**
 * Speed of the simulator on the systolic MAC array interface (io_en, io_a_in, io_b_in,
 * io_checksum): fresh splitmix64 operands every cycle with io_en high and io_checksum read every
 * cycle, driven (a) per signal from Java, (b) in batches, (c) by the C++ loop in the model
 * library (the ceiling). Rates are cycles per CPU second of the simulating thread (best of
 * several runs), which equals wall time on an idle machine. All three produce the same digest of io_checksum, which is checked.
 * Also times a cold model build and a cache-hit load (in a fresh JVM).
 *
 * <p>Prints {@code BENCH <name> <value> <unit>} lines. Arguments: {@code [--n N] [--cycles C]
 * [--top TOP --verilog FILE...]}; without --verilog the flat design for N (default 16) is used.
 * {@link #measure} is the entry point for comparing another Verilog file of the same interface.
 */
public final class SimBench {
    static final long SEED = 0x5EED_CAFEL;
    private static final int BATCH = 4096;
    private static final int WARMUP_CYCLES = 100_000;
    private static final int REPEATS = 5;
    /**
     * Simulation runs entirely on the calling thread (JNI included), so its CPU time is the cost
     * of the run; unlike wall time it does not count time other jobs on a shared machine took.
     */
    private static final ThreadMXBean THREAD_CLOCK = ManagementFactory.getThreadMXBean();

    private SimBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--load-probe")) {
            loadProbe(args);
            return;
        }
        int n = 16;
        long cycles = 1_000_000;
        String top = SystolicArrayFlatVerilog.MODULE;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--cycles" -> cycles = Long.parseLong(args[++i]);
                case "--top" -> top = args[++i];
                case "--verilog" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) files.add(Path.of(args[++i]));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("simbench");
        if (files.isEmpty()) {
            Path verilog = work.resolve(SystolicArrayFlatVerilog.MODULE + ".v");
            Files.writeString(verilog, SystolicArrayFlatVerilog.generate(n), StandardCharsets.UTF_8);
            files.add(verilog);
        }
        VerilogSources sources = VerilogSources.of(top, files);

        BuildOptions fresh = BuildOptions.defaults().withCacheDirectory(work.resolve("cache"));
        long t0 = System.nanoTime();
        ModelCompiler.prepareMachine(fresh);
        double runtimeSeconds = seconds(t0);
        t0 = System.nanoTime();
        SimModel model = ModelCompiler.compile(sources, fresh);
        double coldSeconds = seconds(t0);
        double cachedSeconds = cachedLoadSeconds(sources, fresh);

        ThroughputResult result = measure(model, cycles);
        print("sim.per_signal.cycles_per_s", result.perSignal(), "cycles/s");
        print("sim.batched.cycles_per_s", result.batched(), "cycles/s");
        print("sim.cpp.cycles_per_s", result.cpp(), "cycles/s");
        print("sim.per_signal.ratio", result.perSignalRatio(), "ratio");
        print("sim.batched.ratio", result.batchedRatio(), "ratio");
        print("sim.build.cold_s", coldSeconds, "s");
        print("sim.build.cached_s", cachedSeconds, "s");
        print("sim.build.machine_once_s", runtimeSeconds, "s");
        if (top.equals(SystolicArrayFlatVerilog.MODULE)) {
            // A class of its own: the load probe's JVM has no hdl-core on its classpath.
            VerilogStyleComparison.print(n, cycles, result);
        }
    }


    /** Builds (or loads from the default cache) a design of this interface and measures it. */
    public static ThroughputResult measure(VerilogSources sources, long cycles) {
        return measure(ModelCompiler.compile(sources, BuildOptions.defaults()), cycles);
    }

    /** Cycles per second in the three modes, best of {@value #REPEATS} runs of {@code cycles} each. */
    public static ThroughputResult measure(SimModel model, long cycles) {
        for (Mode mode : Mode.values()) run(model, mode, WARMUP_CYCLES);
        double[] best = new double[Mode.values().length];
        long expectedDigest = 0;
        for (int r = 0; r < REPEATS; r++) {
            for (Mode mode : Mode.values()) {
                Timed timed = run(model, mode, cycles);
                best[mode.ordinal()] = Math.max(best[mode.ordinal()], cycles / timed.seconds);
                if (mode == Mode.CPP) expectedDigest = timed.digest;
                else checkDigest(mode, timed.digest, expectedDigest);
            }
        }
        return new ThroughputResult(best[Mode.PER_SIGNAL.ordinal()], best[Mode.BATCHED.ordinal()],
            best[Mode.CPP.ordinal()]);
    }

    /** CPP first: its digest is the reference the Java-driven runs are checked against. */
    private enum Mode { CPP, PER_SIGNAL, BATCHED }

    private record Timed(double seconds, long digest) {
    }

    private static Timed run(SimModel model, Mode mode, long cycles) {
        try (Sim sim = model.open()) {
            sim.reset();
            sim.poke("io_en", 1);
            sim.step(10);
            SimSignal a = sim.signal("io_a_in");
            SimSignal b = sim.signal("io_b_in");
            SimSignal checksum = sim.signal("io_checksum");
            long t0 = THREAD_CLOCK.getCurrentThreadCpuTime();
            long digest = switch (mode) {
                case PER_SIGNAL -> perSignal(sim, a, b, checksum, cycles);
                case BATCHED -> batched(sim, a, b, checksum, cycles);
                case CPP -> sim.randomRun(List.of(a, b), List.of(checksum), cycles, SEED);
            };
            return new Timed((THREAD_CLOCK.getCurrentThreadCpuTime() - t0) / 1e9, digest);
        }
    }

    private static long perSignal(Sim sim, SimSignal a, SimSignal b, SimSignal checksum, long cycles) {
        SplitMix64 rng = new SplitMix64(SEED);
        long[] aWords = new long[a.words()];
        long[] bWords = new long[b.words()];
        long aMask = topMask(a);
        long bMask = topMask(b);
        long digest = 0;
        for (long c = 0; c < cycles; c++) {
            fill(rng, aWords, aMask);
            fill(rng, bWords, bMask);
            a.pokeWords(aWords);
            b.pokeWords(bWords);
            sim.step();
            digest = SplitMix64.fold(digest, checksum.peek());
        }
        return digest;
    }

    private static long batched(Sim sim, SimSignal a, SimSignal b, SimSignal checksum, long cycles) {
        SplitMix64 rng = new SplitMix64(SEED);
        BatchRun batch = sim.batch(List.of(a, b), List.of(checksum), BATCH);
        long aMask = topMask(a);
        long bMask = topMask(b);
        long digest = 0;
        for (long done = 0; done < cycles; done += BATCH) {
            int chunk = (int) Math.min(BATCH, cycles - done);
            BatchRun run = chunk == BATCH ? batch : sim.batch(List.of(a, b), List.of(checksum), chunk);
            for (int c = 0; c < chunk; c++) {
                for (int w = 0; w < a.words(); w++) run.setWord(c, 0, w, maskTop(rng.next(), w, a.words(), aMask));
                for (int w = 0; w < b.words(); w++) run.setWord(c, 1, w, maskTop(rng.next(), w, b.words(), bMask));
            }
            run.run();
            for (int c = 0; c < chunk; c++) digest = SplitMix64.fold(digest, run.get(c, 0));
        }
        return digest;
    }

    private static void fill(SplitMix64 rng, long[] words, long topMask) {
        for (int w = 0; w < words.length; w++) words[w] = rng.next();
        words[words.length - 1] &= topMask;
    }

    private static long maskTop(long value, int word, int words, long mask) {
        return word == words - 1 ? value & mask : value;
    }

    private static long topMask(SimSignal s) {
        int bits = s.width() - 64 * (s.words() - 1);
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    private static void checkDigest(Mode mode, long digest, long expected) {
        if (digest != expected) {
            throw new IllegalStateException(mode + " run disagrees with the C++ run: digest " + Long.toHexString(digest)
                + " != " + Long.toHexString(expected));
        }
    }

    /** Loads the cached model in a fresh JVM, so nothing is already dlopen'ed or memoised. */
    private static double cachedLoadSeconds(VerilogSources sources, BuildOptions options)
            throws IOException, InterruptedException {
        Path classes;
        try {
            classes = Path.of(SimBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classes.toString(), SimBench.class.getName(), "--load-probe",
            options.cacheDirectory().toString(), sources.top()));
        sources.files().forEach(f -> cmd.add(f.toString()));
        Process probe = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (probe.waitFor() != 0) throw new IllegalStateException("load probe failed: " + output);
        return Double.parseDouble(output.substring(output.lastIndexOf(' ') + 1));
    }

    private static void loadProbe(String[] args) {
        BuildOptions options = BuildOptions.defaults().withCacheDirectory(Path.of(args[1]));
        List<Path> files = new ArrayList<>();
        for (int i = 3; i < args.length; i++) files.add(Path.of(args[i]));
        VerilogSources sources = VerilogSources.of(args[2], files);
        // Timed from a cold JVM state: tool discovery, hashing, bridge and model dlopen, open, reset.
        long t0 = System.nanoTime();
        if (!ModelCompiler.isCached(sources, options)) throw new IllegalStateException("probe expected a cache hit");
        try (Sim sim = ModelCompiler.compile(sources, options).open()) {
            sim.reset();
        }
        System.out.println("loaded " + seconds(t0));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.4g %s", name, value, unit));
    }
}
