package org.edgemoe.hdl.verilog;

/** Direction of a Verilog port. */
public enum PortDirection {
    INPUT, OUTPUT, INOUT;

    public String verilog() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
