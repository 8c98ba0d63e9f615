package org.edgemoe.hdl.emit;

import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.TestModule;

/** Builds a one-module design and opens its emission, for tests that run the passes one at a time. */
final class PassTesting {
    private PassTesting() { }

    static ModuleIR module(String name, Runnable body) {
        return Elab.build(() -> new TestModule(name, body)).topIR();
    }

    static ModuleEmission emission(String name, Runnable body) {
        return new ModuleEmission(module(name, body));
    }
}
