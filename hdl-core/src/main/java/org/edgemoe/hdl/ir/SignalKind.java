package org.edgemoe.hdl.ir;

/** What a signal is in the netlist; decides how it is declared and driven. */
public enum SignalKind {
    /** Module input port: driven from outside, read-only inside. */
    INPUT,
    /** Module output port: driven by statements inside the module. */
    OUTPUT,
    /** Combinational wire driven by statements (last connect wins). */
    WIRE,
    /** Clocked register: holds its value on paths that do not assign it. */
    REG,
    /** Immutable result of an operator, defined once by its expression. */
    NODE,
    /** Parent-side copy of a child instance's port ({@code <instance>_<port>}). */
    INSTANCE_PORT;

    public boolean isComb() {
        return this != REG;
    }
}
