package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/** Emission pass {@code ports}: the order of a module's ports in its Verilog header and in the manifest. */
final class PortOrder {
    private PortOrder() { }

    /** Ports in SpinalHDL order: io ports as declared, then clock, then reset. */
    static List<Signal> of(ModuleIR m) {
        List<Signal> out = new ArrayList<>();
        for (Signal s : m.ports()) {
            if (s != m.clockOrNull() && s != m.resetOrNull()) {
                out.add(s);
            }
        }
        if (m.hasClock() && m.clockOrNull().kind() == SignalKind.INPUT && !out.contains(m.clockOrNull())) {
            out.add(m.clockOrNull());
        }
        if (m.hasReset() && !out.contains(m.resetOrNull())) {
            out.add(m.resetOrNull());
        }
        return out;
    }
}
