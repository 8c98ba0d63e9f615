package org.edgemoe.hdl.check;

import java.util.HashSet;
import java.util.Set;
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
        Set<Signal> childInputs = new HashSet<>();
        Set<Signal> childOutputs = new HashSet<>();
        for (Instance inst : m.instances()) {
            inst.bindings().forEach((port, side) -> {
                if (side.kind() == SignalKind.INSTANCE_PORT) {
                    (port.kind() == SignalKind.INPUT ? childInputs : childOutputs).add(side);
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
                    if (childInputs.contains(s)) {
                        d.error(s.loc(), "input " + name(s) + " of child instance is never driven");
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
