package org.edgemoe.hdl.verilog;

/**
 * A parameter of an imported module. {@code value} is the evaluated value (a {@code Long}, {@code Double}
 * or {@code String}) for the module's current parameter values, or null when the expression is not a
 * constant the importer evaluates; {@code expression} is its source text. A {@code localparam} cannot be
 * overridden.
 */
public record VerilogParameter(String name, Object value, String expression, boolean local) { }
