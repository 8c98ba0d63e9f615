package org.edgemoe.maven.testdesigns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.DesignProvider;
import org.edgemoe.hdl.core.Module;

/** A project's provider, registered only by GeneratorsTest's extra class loader (not in this module's services file). */
public final class WidgetDesigns implements DesignProvider {
    @Override
    public Map<String, Supplier<Module>> designs() {
        Map<String, Supplier<Module>> m = new LinkedHashMap<>();
        m.put("adder4", () -> new Widgets.Adder(4, Widgets.Mode.WRAP));
        m.put("adder6", () -> new Widgets.Adder(6, Widgets.Mode.HOLD));
        return m;
    }

    @Override
    public Map<String, Supplier<Module>> defaults() {
        Map<String, Supplier<Module>> m = new LinkedHashMap<>();
        m.put("adder4", designs().get("adder4"));
        return m;
    }
}
