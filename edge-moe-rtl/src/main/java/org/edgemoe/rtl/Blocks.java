package org.edgemoe.rtl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Module;

/**
 * The accelerator's blocks at their default parameters: what {@code make verilog} emits and
 * {@code make synth-report} synthesises, by name.
 */
public final class Blocks {
    private Blocks() { }

    public static Map<String, Supplier<Module>> defaults() {
        Map<String, Supplier<Module>> m = new LinkedHashMap<>();
        return m;
    }
}
