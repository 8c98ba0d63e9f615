package org.edgemoe.sim;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The Verilog test resources as VerilogSources; compiled models are shared within the test JVM. */
final class TestDesigns {
    private TestDesigns() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestDesigns.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    static VerilogSources counter() {
        return VerilogSources.of("Counter", resource("designs/Counter.v"));
    }

    static VerilogSources streamFifo() {
        return VerilogSources.of("StreamFifo", resource("designs/StreamFifo.v"));
    }

    static VerilogSources systolic() {
        return VerilogSources.of("SystolicArrayFlat", resource("bench/SystolicArrayFlat.v"));
    }
}
