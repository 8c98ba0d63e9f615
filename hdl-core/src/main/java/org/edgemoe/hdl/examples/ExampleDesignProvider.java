package org.edgemoe.hdl.examples;

import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.DesignProvider;
import org.edgemoe.hdl.core.Module;

/** The library's examples by name ({@code -Dhdl.generator=SystolicArray}); no defaults: they are not a project's configuration. */
public final class ExampleDesignProvider implements DesignProvider {
    @Override
    public Map<String, Supplier<Module>> designs() {
        return ExampleDesigns.all();
    }
}
