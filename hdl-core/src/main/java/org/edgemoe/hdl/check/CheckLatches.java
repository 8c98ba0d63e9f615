package org.edgemoe.hdl.check;

import java.util.Map;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;

/** A combinational signal assigned on some paths only would infer a latch: an error. */
final class CheckLatches {
    private CheckLatches() { }

    static void run(ModuleIR m, Assignments a, Diagnostics d) {
        for (Map.Entry<Signal, SourceLoc> e : a.conditional.entrySet()) {
            Signal s = e.getKey();
            if (s.kind() != SignalKind.REG && !a.total.contains(s)) {
                d.error(e.getValue(), "latch: combinational " + CheckDrivers.name(s)
                        + " is not assigned on every path; give it a default value before the when/switch");
            }
        }
    }
}
