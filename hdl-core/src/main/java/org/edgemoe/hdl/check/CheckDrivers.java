package org.edgemoe.hdl.check;

import java.util.HashMap;
import java.util.Map;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/** Every output, wire, register and child input must be driven. */
final class CheckDrivers {
    private CheckDrivers() { }

    static void run(ModuleIR m, Assignments a, Diagnostics d) {
        if (m.isBlackBox()) {
            return;
        }
        // Parent-side signal of each child input, to the instance and port it feeds (for the message).
        Map<Signal, String> childInputs = new HashMap<>();
        for (Instance inst : m.instances()) {
            inst.bindings().forEach((port, side) -> {
                if (side.kind() == SignalKind.INSTANCE_PORT && port.kind() == SignalKind.INPUT) {
                    childInputs.put(side, "'" + port.name() + "' of child " + inst.child().className()
                            + (inst.name() != null ? " instance '" + inst.name() + "'" : ""));
                }
            });
        }
        for (Signal s : m.signals()) {
            if (a.assigned.containsKey(s)) {
                continue;
            }
            switch (s.kind()) {
                case OUTPUT -> d.error(s.loc(), "output " + name(s) + " of " + m.className() + " is never driven");
                case WIRE -> d.error(s.loc(), "wire " + name(s) + " is never driven");
                case REG -> {
                    if (s.resetValue() == null) {
                        d.error(s.loc(), "register " + name(s) + " is never assigned and has no reset value");
                    }
                }
                case INSTANCE_PORT -> {
                    if (childInputs.containsKey(s)) {
                        d.error(s.loc(), "input " + childInputs.get(s) + " is never driven");
                    }
                }
                default -> { }
            }
        }
    }

    static String name(Signal s) {
        return s.name() != null ? "'" + s.name() + "'" : "(unnamed, created here)";
    }
}
