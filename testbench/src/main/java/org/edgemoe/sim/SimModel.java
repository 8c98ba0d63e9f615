package org.edgemoe.sim;

import java.nio.file.Path;
import java.util.List;

/**
 * A compiled, loaded design. Cheap to keep; {@link #open()} makes an independent instance
 * (its own VerilatedContext and state), so one model can be simulated several times at once.
 */
public final class SimModel {
    private final long api;
    private final Path library;
    private final VerilogSources sources;
    private final BuildOptions options;
    private final Waveform waveform;
    private final boolean hasClock;
    private volatile SignalLayout layout;

    private SimModel(long api, Path library, VerilogSources sources, BuildOptions options) {
        this.api = api;
        this.library = library;
        this.sources = sources;
        this.options = options;
        this.waveform = options.waveform();
        this.hasClock = NativeBridge.hasClock(api);
    }

    static SimModel load(Path library, VerilogSources sources, BuildOptions options) {
        return new SimModel(NativeBridge.openLibrary(library.toString()), library, sources, options);
    }

    /** A new instance in its power-on state (every register and memory word 0, clk low). */
    public Sim open() {
        return create(0, 0);
    }

    /**
     * A new instance whose registers and memories power on with random values drawn from {@code seed}
     * (Verilator's {@code +verilator+rand+reset+2 +verilator+seed+<seed>}), as real flip-flops do: for
     * checking that a design comes out of reset idle whatever its registers held. The same seed gives the
     * same values.
     */
    public Sim openRandomised(int seed) {
        if (seed == 0) {
            throw new IllegalArgumentException("seed 0 means 'from the clock' to Verilator: give a non-zero seed");
        }
        return create(2, seed);
    }

    private Sim create(int randReset, int seed) {
        long instance = NativeBridge.create(api, randReset, seed);
        if (layout == null) layout = SignalLayout.parse(NativeBridge.describeSignals(instance));
        return new Sim(this, instance, layout);
    }

    public String top() {
        return sources.top();
    }

    public VerilogSources sources() {
        return sources;
    }

    /** The shared library in the cache folder. */
    public Path library() {
        return library;
    }

    /** The options the model was built with (a session rebuilds it with waveform support from these). */
    public BuildOptions options() {
        return options;
    }

    /** The waveform format the model can dump, {@link Waveform#NONE} when built without tracing. */
    public Waveform waveform() {
        return waveform;
    }

    public boolean hasClock() {
        return hasClock;
    }

    /** Names of every accessible signal: ports, then internals marked verilator public. */
    public List<String> signalNames() {
        if (layout == null) {
            try (Sim probe = open()) {
                return probe.signalNames();
            }
        }
        return layout.names();
    }

    @Override
    public String toString() {
        return "SimModel(" + sources.top() + ", " + library + ")";
    }
}
