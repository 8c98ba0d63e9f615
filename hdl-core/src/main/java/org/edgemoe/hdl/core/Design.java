package org.edgemoe.hdl.core;

import org.edgemoe.hdl.ir.ModuleIR;

/** An elaborated, checked design: the top module and its netlist tree. */
public final class Design<M extends Module> {
    private final M top;

    Design(M top) {
        this.top = top;
    }

    public M top() {
        return top;
    }

    public ModuleIR topIR() {
        return top.ir();
    }
}
