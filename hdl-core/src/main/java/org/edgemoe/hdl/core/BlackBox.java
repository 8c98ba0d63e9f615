package org.edgemoe.hdl.core;

/**
 * An external Verilog module: declare its ports as fields (plain names, no {@code io_} prefix), its
 * Verilog parameters with {@link #generic}, and which inputs are the clock and reset. No Verilog is
 * emitted for it; supply its source with {@link #setInlineVerilog} or to the tools yourself.
 */
public abstract class BlackBox extends Module {

    protected BlackBox() {
        noIoPrefix();
        ir().setBlackBox(true);
    }

    /** A Verilog parameter of the instance ({@code #(.NAME(value))}). */
    protected final void generic(String name, Object value) {
        param(name, value);
    }

    /** Connects this input to the parent's clock. */
    protected final void mapClock(Bool port) {
        ir().adoptClock(port.signal());
    }

    /** Connects this input to the parent's reset. */
    protected final void mapReset(Bool port) {
        ir().adoptReset(port.signal());
    }

    /** Verilog source of the box, written next to the emitted design. */
    protected final void setInlineVerilog(String verilog) {
        ir().setInlineVerilog(verilog);
    }
}
