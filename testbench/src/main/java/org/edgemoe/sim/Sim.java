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
    private final List<SimEvent> reports = new ArrayList<>();
    private org.edgemoe.hdl.ir.ModuleIR design;
    private final Map<org.edgemoe.hdl.ir.Signal, Port> typed = new java.util.IdentityHashMap<>();
    private java.util.function.Consumer<SimEvent> reportSink = Sim::printReport;
    /** Reports kept for {@link #reports()}; older ones are dropped beyond this. */
    static final int KEPT_REPORTS = 100_000;

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
            advance(NativeBridge.step(instance, cycles));
            return;
        }
        for (long c = 0; c < cycles; c++) {
            for (CycleAgent agent : agents) agent.drive(this, cycle);
            for (CycleAgent agent : agents) agent.sample(this, cycle);
            advance(NativeBridge.step(instance, 1));
        }
    }

    /** Books the cycles a native run took and handles its events: reports go to the sink, failures throw. */
    private void advance(long result) {
        cycle += result & ~NativeBridge.EVENTS_FLAG;
        dirty = false;
        if ((result & NativeBridge.EVENTS_FLAG) != 0) {
            handleEvents();
        }
    }

    private void handleEvents() {
        List<SimEvent> failures = new ArrayList<>();
        for (SimEvent e : SimEvent.parse(NativeBridge.takeEvents(instance))) {
            if (e.isFailure()) {
                failures.add(e);
            } else {
                if (reports.size() >= KEPT_REPORTS) reports.remove(0);
                reports.add(e);
                reportSink.accept(e);
            }
        }
        if (!failures.isEmpty()) throw new SimAssertionError(failures, waveform);
    }

    private static void printReport(SimEvent e) {
        System.out.println(e);
    }

    /**
     * The design's {@code report(...)} messages so far (the last {@value #KEPT_REPORTS}), in order. They are also
     * printed to {@code System.out} unless {@link #onReport} says otherwise.
     */
    public List<SimEvent> reports() {
        return List.copyOf(reports);
    }

    /** Where each report goes as it happens (default: printed to System.out); they are kept for {@link #reports()} too. */
    public void onReport(java.util.function.Consumer<SimEvent> sink) {
        this.reportSink = java.util.Objects.requireNonNull(sink);
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
     * Throws {@link SimTimeoutException} after {@code maxCycles}, naming what it waited for when the condition is
     * an {@link Until} (e.g. {@code scoreboard.done()}).
     */
    public long runUntil(BooleanSupplier condition, long maxCycles) {
        return runUntil(condition instanceof Until u ? u : Until.of(
            "a condition (name it: runUntil(\"what\", condition, max) or a Scoreboard's done())", condition), maxCycles);
    }

    /** {@link #runUntil(BooleanSupplier, long)} with a description for the timeout message. */
    public long runUntil(String description, BooleanSupplier condition, long maxCycles) {
        return runUntil(Until.of(description, condition), maxCycles);
    }

    /** Steps until the 1-bit port {@code flag} (a field of the design) is high. */
    public long runUntil(org.edgemoe.hdl.core.Bool flag, long maxCycles) {
        Port p = port(flag);
        return runUntil(Until.of(p.name() + " high", p::toBoolean), maxCycles);
    }

    private long runUntil(Until condition, long maxCycles) {
        long start = cycle;
        for (long taken = 0; taken <= maxCycles; taken++) {
            if (condition.getAsBoolean()) return taken;
            if (taken < maxCycles) step(1);
        }
        throw new SimTimeoutException("timed out waiting for " + condition.description() + ": still false after "
            + maxCycles + " cycles (from cycle " + start + " to " + cycle + ")"
            + waveform().map(p -> "; waveform: " + p).orElse(""));
    }

    // ---- ports of an hdl-core design, by the module's own fields ----

    /**
     * The typed handle of a port of the design this Sim runs, given by the elaborated module's field
     * ({@code sim.port(dut.enable)}, {@code sim.port(dut.input.payload)}). Needs a Sim opened from an hdl-core
     * design ({@link HdlSim#open}, {@code SimSession.open(Top::new)}); Verilog designs use names ({@link #signal}).
     */
    public Port port(org.edgemoe.hdl.core.Ground field) {
        checkOpen();
        org.edgemoe.hdl.ir.Signal s;
        try {
            s = field.signal();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("not a port of the design: " + e.getMessage());
        }
        if (design == null) {
            throw new IllegalStateException("this simulation of " + model.top() + " was opened from Verilog, not from an"
                + " hdl-core design: reach ports by name (sim.signal(\"" + s.name() + "\")) or open the design with"
                + " HdlSim.open(...) / SimSession.open(Top::new)");
        }
        if (s.owner() != design || !s.isPort()) {
            String where = s.owner() == design ? "an internal " + s.kind().name().toLowerCase() + " of " + design.className()
                : "a signal of " + s.owner().className() + " (a child or another elaboration)";
            throw new IllegalArgumentException("'" + s.name() + "' is " + where + ", not a port of the simulated top "
                + design.className() + "; only the top's ports are reachable by field (internals: mark them"
                + " simPublic() and use sim.signal(\"path\"))");
        }
        return typed.computeIfAbsent(s, k -> new Port(signal(k.name()), field));
    }

    public void poke(org.edgemoe.hdl.core.Ground port, long value) {
        port(port).set(value);
    }

    public void poke(org.edgemoe.hdl.core.Ground port, boolean value) {
        port(port).set(value);
    }

    /** A fixed-point port's real value (rounded to its format). */
    public void poke(org.edgemoe.hdl.core.Ground port, double value) {
        port(port).set(value);
    }

    /** The integer value of a port (sign-extended when signed). */
    public long peek(org.edgemoe.hdl.core.Ground port) {
        return port(port).toLong();
    }

    /** The hdl-core design this Sim runs (its top's netlist), when it was opened from one. */
    public Optional<org.edgemoe.hdl.ir.ModuleIR> design() {
        return Optional.ofNullable(design);
    }

    void bindDesign(org.edgemoe.hdl.ir.ModuleIR top) {
        this.design = top;
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
        advance(NativeBridge.runBatch(instance, batch.cycles(), batch.stimulus(), batch.inputLayout(), batch.results(),
            batch.outputLayout()));
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
        handleEvents();
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
