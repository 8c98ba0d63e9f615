package org.edgemoe.sim;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One running instance of a {@link SimModel}. Single-threaded by design: everything runs on the
 * caller's thread, and a clock cycle costs one JNI call ({@link #step}) however many signals are
 * poked or peeked around it. Close it (try-with-resources) to free the native model; any use
 * after that throws IllegalStateException.
 */
public final class Sim implements AutoCloseable {
    /** Cycles {@link #reset()} holds reset high. */
    public static final int DEFAULT_RESET_CYCLES = 3;

    /** Frees instances nobody closed once they become unreachable (one JVM-wide daemon thread). */
    private static final Cleaner CLEANER = Cleaner.create();

    private final SimModel model;
    private final SignalLayout layout;
    private final Map<String, SimSignal> handles = new HashMap<>();
    private final List<CycleAgent> agents = new ArrayList<>();
    private final Cleaner.Cleanable cleanable;
    private long instance;
    private ByteBuffer state;
    private boolean dirty;
    private long cycle;
    private Path waveform;

    Sim(SimModel model, long instance, SignalLayout layout) {
        this.model = model;
        this.instance = instance;
        this.layout = layout;
        this.state = NativeBridge.state(instance).order(ByteOrder.LITTLE_ENDIAN);
        this.cleanable = CLEANER.register(this, new Destroyer(instance));
    }

    /** Holds only the native handle, never the Sim, so the Sim can become unreachable. */
    private record Destroyer(long instance) implements Runnable {
        @Override
        public void run() {
            NativeBridge.destroy(instance);
        }
    }

    public SimModel model() {
        return model;
    }

    /** Cached handle on a signal; unknown names fail with the closest known names. */
    public SimSignal signal(String name) {
        checkOpen();
        SimSignal handle = handles.get(name);
        if (handle != null) return handle;
        SignalLayout.Entry entry = layout.find(name);
        if (entry == null) {
            throw new IllegalArgumentException("no signal '" + name + "' in " + model.top() + "; nearest: "
                + String.join(", ", NameSuggestions.nearest(name, layout.names(), 3)));
        }
        handle = new SimSignal(this, entry);
        handles.put(name, handle);
        return handle;
    }

    public boolean hasSignal(String name) {
        return layout.find(name) != null;
    }

    public List<String> signalNames() {
        return layout.names();
    }

    public void poke(String name, long value) {
        signal(name).poke(value);
    }

    public void poke(String name, BigInteger value) {
        signal(name).poke(value);
    }

    public long peek(String name) {
        return signal(name).peek();
    }

    public BigInteger peekBig(String name) {
        return signal(name).peekBig();
    }

    /** Clock cycles stepped so far (including reset and batched cycles). */
    public long cycle() {
        return cycle;
    }

    /** Re-evaluates combinational logic now; peeks do this by themselves when something was poked. */
    public void eval() {
        checkOpen();
        NativeBridge.eval(instance);
        dirty = false;
    }

    public void step() {
        step(1);
    }

    /** Runs {@code cycles} clock cycles on clk: rising edge (captures the poked inputs), then falling edge. */
    public void step(long cycles) {
        checkOpen();
        if (!model.hasClock()) throw new IllegalStateException(model.top() + " has no 1-bit clk or clock input");
        if (agents.isEmpty()) {
            NativeBridge.step(instance, cycles);
            cycle += cycles;
            dirty = false;
            return;
        }
        for (long c = 0; c < cycles; c++) {
            for (CycleAgent agent : agents) agent.drive(this, cycle);
            for (CycleAgent agent : agents) agent.sample(this, cycle);
            NativeBridge.step(instance, 1);
            cycle++;
            dirty = false;
        }
    }

    /** Holds {@code reset} (or {@code rst}) high for {@link #DEFAULT_RESET_CYCLES} cycles. */
    public void reset() {
        reset(DEFAULT_RESET_CYCLES);
    }

    public void reset(int cycles) {
        SimSignal reset = hasSignal("reset") ? signal("reset") : hasSignal("rst") ? signal("rst") : null;
        if (reset == null) throw new IllegalStateException(model.top() + " has no reset or rst input");
        reset.poke(1);
        step(cycles);
        reset.poke(0);
    }

    /**
     * Steps until {@code condition} holds, checking before each cycle; returns the cycles taken.
     * Throws {@link SimTimeoutException} after {@code maxCycles}.
     */
    public long runUntil(BooleanSupplier condition, long maxCycles) {
        for (long taken = 0; taken <= maxCycles; taken++) {
            if (condition.getAsBoolean()) return taken;
            if (taken < maxCycles) step(1);
        }
        throw new SimTimeoutException("condition still false after " + maxCycles + " cycles (now at cycle " + cycle
            + ")" + waveform().map(p -> "; waveform: " + p).orElse(""));
    }

    public void addAgent(CycleAgent agent) {
        checkOpen();
        agents.add(agent);
    }

    public void removeAgent(CycleAgent agent) {
        agents.remove(agent);
    }

    /** A batched run of {@code cycles} cycles driving {@code inputs} and recording {@code outputs}. */
    public BatchRun batch(List<SimSignal> inputs, List<SimSignal> outputs, int cycles) {
        checkOpen();
        return new BatchRun(this, inputs, outputs, cycles);
    }

    void runBatch(BatchRun batch) {
        checkOpen();
        if (!model.hasClock()) throw new IllegalStateException(model.top() + " has no 1-bit clk or clock input");
        NativeBridge.runBatch(instance, batch.cycles(), batch.stimulus(), batch.inputLayout(), batch.results(),
            batch.outputLayout());
        cycle += batch.cycles();
        dirty = false;
    }

    /**
     * The C++ reference loop: each cycle, fresh splitmix64 values (seeded with {@code seed}) into
     * {@code inputs}, one clock cycle, every output folded into the returned digest. Java code
     * doing the same with {@code org.edgemoe.sim.bench.SplitMix64} gets the same digest.
     */
    public long randomRun(List<SimSignal> inputs, List<SimSignal> outputs, long cycles, long seed) {
        checkOpen();
        if (!model.hasClock()) throw new IllegalStateException(model.top() + " has no 1-bit clk or clock input");
        int[] in = new int[3 * inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            SimSignal s = own(inputs.get(k));
            if (!s.direction().pokeable()) throw new IllegalArgumentException(s.name() + " is an output");
            in[3 * k] = s.offset();
            in[3 * k + 1] = s.bytes();
            in[3 * k + 2] = s.width();
        }
        long digest = NativeBridge.randomRun(instance, cycles, seed, in, BatchRun.layout(this, outputs));
        cycle += cycles;
        dirty = false;
        return digest;
    }

    /**
     * Starts dumping a waveform to {@code path} (the model must be compiled with a
     * {@link Waveform} format). The dump is complete once this Sim is closed.
     */
    public void traceTo(Path path) {
        checkOpen();
        if (model.waveform() == Waveform.NONE) {
            throw new IllegalStateException(model.top() + " was built without waveform support; compile it with"
                + " BuildOptions.defaults().withWaveform(Waveform.VCD)");
        }
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (NativeBridge.traceOpen(instance, path.toAbsolutePath().toString()) != 0) {
            throw new IllegalStateException("cannot open waveform file " + path);
        }
        waveform = path.toAbsolutePath();
    }

    /** Where this Sim dumps its waveform, if it does. */
    public Optional<Path> waveform() {
        return Optional.ofNullable(waveform);
    }

    public boolean isClosed() {
        return instance == 0;
    }

    @Override
    public void close() {
        if (instance == 0) return;
        instance = 0;
        state = null;
        cleanable.clean();
    }

    SimSignal own(SimSignal s) {
        if (s.sim() != this) throw new IllegalArgumentException(s.name() + " belongs to another Sim");
        return s;
    }

    void markDirty() {
        dirty = true;
    }

    /** State for writing; the check keeps a closed Sim from touching freed native memory. */
    ByteBuffer state() {
        checkOpen();
        return state;
    }

    /** State for reading, with combinational logic brought up to date with earlier pokes. */
    ByteBuffer settledState() {
        checkOpen();
        if (dirty) {
            NativeBridge.eval(instance);
            dirty = false;
        }
        return state;
    }

    private void checkOpen() {
        if (instance == 0) throw new IllegalStateException("simulation of " + model.top() + " is closed");
    }
}
