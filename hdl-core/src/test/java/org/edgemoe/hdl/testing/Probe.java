package org.edgemoe.hdl.testing;

import java.util.function.Supplier;
import org.edgemoe.hdl.core.Ground;

/** Builds one value inside a tiny module (which must elaborate cleanly) and returns it for inspection. */
public final class Probe {
    private Probe() { }

    public static <T extends Ground> T of(Supplier<T> body) {
        @SuppressWarnings("unchecked")
        T[] out = (T[]) new Ground[1];
        Elab.build(() -> out[0] = body.get());
        return out[0];
    }
}
