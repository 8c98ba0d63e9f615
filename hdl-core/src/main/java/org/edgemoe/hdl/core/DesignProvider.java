package org.edgemoe.hdl.core;

import java.util.Map;
import java.util.function.Supplier;

/**
 * How a project offers its designs to the tools (the Maven plugin's {@code generate-verilog}, scripts) without
 * the tools knowing the project: implement this, and list the implementation's class name in
 * {@code META-INF/services/org.edgemoe.hdl.core.DesignProvider}. {@link DesignProviders} finds every provider on
 * a class path with {@link java.util.ServiceLoader}.
 *
 * <p>The implementation needs a public no-argument constructor. Both maps keep their order (a
 * {@code LinkedHashMap}); the suppliers build the top module (they are called inside elaboration).
 */
public interface DesignProvider {

    /** Designs by name, for {@code -Dhdl.generator=<name>}. Names are unique across the providers of a class path. */
    Map<String, Supplier<Module>> designs();

    /**
     * What the generator {@code default} emits, in order: the project's default configuration. Empty (the
     * default) when the provider only offers designs by name, as a library's examples do.
     */
    default Map<String, Supplier<Module>> defaults() {
        return Map.of();
    }
}
