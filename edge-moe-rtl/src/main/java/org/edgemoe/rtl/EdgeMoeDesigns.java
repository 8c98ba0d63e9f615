package org.edgemoe.rtl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.DesignProvider;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.examples.ExampleDesigns;

/**
 * edge-moe-rtl's designs for the tools, registered in {@code META-INF/services/org.edgemoe.hdl.core.DesignProvider}:
 * every block of {@link Blocks#defaults()} by name; the default configuration ({@code make verilog},
 * {@code -Dhdl.generator=default}) is every block, then the library's examples.
 */
public final class EdgeMoeDesigns implements DesignProvider {
    @Override
    public Map<String, Supplier<Module>> designs() {
        return Blocks.defaults();
    }

    @Override
    public Map<String, Supplier<Module>> defaults() {
        Map<String, Supplier<Module>> m = new LinkedHashMap<>(Blocks.defaults());
        ExampleDesigns.all().forEach(m::putIfAbsent);
        return m;
    }
}
