package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/** Runs the emission passes on one module instance: legalise, name, group, print. */
final class ModuleText {
    private ModuleText() { }

    /** Ports in SpinalHDL order: io ports as declared, then clock, then reset. */
    static List<Signal> orderedPorts(ModuleIR m) {
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

    static String print(ModuleIR m, String moduleName, Function<ModuleIR, String> definitionOf) {
        LegalModule lm = Legalise.run(m);
        List<Signal> ports = orderedPorts(m);
        Names names = Names.allocate(lm, ports);
        List<Block> blocks = GroupBlocks.run(lm);
        return new VerilogPrinter(lm, names, blocks, ports, definitionOf).print(moduleName);
    }
}
