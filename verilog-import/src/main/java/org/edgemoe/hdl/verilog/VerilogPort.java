package org.edgemoe.hdl.verilog;

/**
 * One port of an imported module, with its range evaluated for the module's parameter values.
 * {@code hasRange} is false for a scalar port ({@code input clk}); such a port has width 1.
 */
public record VerilogPort(String name, PortDirection direction, int width, boolean signed, int msb, int lsb,
        boolean hasRange) {

    /** {@code input signed [7:0] a}: the declaration as text (for messages and tests). */
    public String describe() {
        return direction.verilog() + (signed ? " signed" : "") + (hasRange ? " [" + msb + ":" + lsb + "]" : "") + " " + name;
    }
}
