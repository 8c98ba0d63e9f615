package org.edgemoe.hdl.check;

import org.edgemoe.hdl.ir.Identifiers;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;

/** User-given names must be legal Verilog identifiers; every port needs a name. */
final class CheckNames {
    private CheckNames() { }

    static void run(ModuleIR m, Diagnostics d) {
        for (Signal s : m.signals()) {
            if (s.isPort() && s.name() == null) {
                d.error(s.loc(), "port of " + m.className() + " has no name: keep it in a field of the module or call named(...)");
            } else if (s.name() != null && s.nameSource() != Signal.NameSource.TEMP) {
                checkIdentifier(s.name(), "signal", s.loc(), d);
            }
        }
        for (Instance inst : m.instances()) {
            if (inst.name() != null) {
                checkIdentifier(inst.name(), "instance", inst.loc(), d);
            }
        }
        checkIdentifier(m.definitionName(), "module", m.loc(), d);
    }

    private static void checkIdentifier(String name, String what, org.edgemoe.hdl.ir.SourceLoc loc, Diagnostics d) {
        if (!Identifiers.isIdentifier(name)) {
            d.error(loc, "illegal identifier: " + what + " name '" + name + "' is not a Verilog identifier ([A-Za-z_][A-Za-z0-9_$]*)");
        } else if (Identifiers.isKeyword(name)) {
            d.error(loc, "illegal identifier: " + what + " name '" + name + "' is a Verilog keyword; rename it or call named(...)");
        }
    }
}
