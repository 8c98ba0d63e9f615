package org.edgemoe.hdl.testing;

import org.edgemoe.hdl.core.Module;

/**
 * A module whose body is a lambda, for small test designs. Ports declared in the body are locals, so
 * give them names with {@code named(...)} (explicit names carry no {@code io_} prefix).
 */
public class TestModule extends Module {
    public TestModule(Runnable body) {
        body.run();
    }

    public TestModule(String definitionName, Runnable body) {
        setDefinitionName(definitionName);
        body.run();
    }
}
