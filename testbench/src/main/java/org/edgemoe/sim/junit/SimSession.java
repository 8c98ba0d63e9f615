package org.edgemoe.sim.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.sim.BuildOptions;
import org.edgemoe.sim.ModelCompiler;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.VerilogSources;
import org.edgemoe.sim.Waveform;

/**
 * The Sims of one test, handed to the test method by {@link SimExtension}: it compiles (cached),
 * opens, starts the waveform when the test records one, and closes everything after the test.
 */
public final class SimSession {
    private final Waveform waveform;
    private final Path waveformBase;
    private final List<Sim> sims = new ArrayList<>();
    private final List<Path> waveforms = new ArrayList<>();

    SimSession(Waveform waveform, Path waveformBase) {
        this.waveform = waveform;
        this.waveformBase = waveformBase;
    }

    /** Build options of this test: the defaults plus waveform support when it records one. */
    public BuildOptions options() {
        return BuildOptions.defaults().withWaveform(waveform);
    }

    /**
     * Elaborates and opens an hdl-core design (compiled with this test's options, so {@code @RecordWaveform}
     * records it); its ports are reached through the module's fields: {@code s.port(s.dut().enable).set(true)}.
     */
    public <M extends org.edgemoe.hdl.core.Module> org.edgemoe.sim.DesignSim<M> open(java.util.function.Supplier<M> top) {
        org.edgemoe.sim.DesignSim<M> d = org.edgemoe.sim.HdlSim.open(top, options());
        register(d.sim());
        return d;
    }

    public Sim open(VerilogSources sources) {
        return open(ModelCompiler.compile(sources, options()));
    }

    /**
     * Opens {@code model}. When the test records a waveform and the model was built without tracing (say by
     * {@code HdlSim.compile(...)} with default options), the session builds it again with the test's waveform
     * format (same sources and options otherwise, cached like any build), so {@link RecordWaveform} always records.
     */
    public Sim open(SimModel model) {
        if (waveform != Waveform.NONE && model.waveform() == Waveform.NONE) {
            model = ModelCompiler.compile(model.sources(), model.options().withWaveform(waveform));
        }
        return register(model.open());
    }

    private Sim register(Sim sim) {
        SimModel model = sim.model();
        sims.add(sim);
        if (waveform != Waveform.NONE && model.waveform() != Waveform.NONE) {
            String suffix = sims.size() == 1 ? "" : "-" + sims.size();
            Path path = Path.of(waveformBase + suffix + model.waveform().extension());
            sim.traceTo(path);
            waveforms.add(path.toAbsolutePath());
        }
        return sim;
    }

    public boolean recordsWaveforms() {
        return waveform != Waveform.NONE;
    }

    /** Waveform files of this test so far; complete once the test's Sims are closed. */
    public List<Path> waveforms() {
        return List.copyOf(waveforms);
    }

    void closeAll() {
        RuntimeException failure = null;
        for (Sim sim : sims) {
            try {
                sim.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        sims.clear();
        if (failure != null) throw failure;
    }
}
