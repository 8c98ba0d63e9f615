package org.edgemoe.sim;

import java.util.List;

/**
 * Waveform support compiled into a model. Tracing slows every eval, so it is part of the cache
 * key: a test that records waveforms uses its own traced build of the design.
 */
public enum Waveform {
    NONE(List.of(), "", 0),
    VCD(List.of("--trace"), ".vcd", 1),
    FST(List.of("--trace-fst"), ".fst", 2);

    private final List<String> verilatorFlags;
    private final String extension;
    private final int nativeKind;

    Waveform(List<String> verilatorFlags, String extension, int nativeKind) {
        this.verilatorFlags = verilatorFlags;
        this.extension = extension;
        this.nativeKind = nativeKind;
    }

    List<String> verilatorFlags() {
        return verilatorFlags;
    }

    /** File name extension of dumps in this format, with the dot. */
    public String extension() {
        return extension;
    }

    int nativeKind() {
        return nativeKind;
    }

    /** The preprocessor defines the Verilated runtime and the model must agree on. */
    List<String> defines() {
        return List.of("-DVM_TRACE=" + (this == NONE ? 0 : 1), "-DVM_TRACE_VCD=" + (this == VCD ? 1 : 0),
            "-DVM_TRACE_FST=" + (this == FST ? 1 : 0), "-DVM_COVERAGE=0", "-DVM_SC=0");
    }
}
