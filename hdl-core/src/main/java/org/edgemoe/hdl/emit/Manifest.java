package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/** {@code manifest.json}: each top module with its file, parameters and typed ports. */
final class Manifest {
    private final List<Object> tops = new ArrayList<>();

    void addTop(ModuleIR top, String name, String file) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("file", file);
        entry.put("class", top.className());
        entry.put("parameters", new LinkedHashMap<>(top.parameters()));
        List<Object> ports = new ArrayList<>();
        for (Signal p : PortOrder.of(top)) {
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("name", p.name());
            port.put("direction", p.kind() == SignalKind.INPUT ? "input" : "output");
            port.put("width", p.width());
            port.put("signed", p.signed());
            if (p == top.clockOrNull()) {
                port.put("role", "clock");
            } else if (p == top.resetOrNull()) {
                port.put("role", top.clockConfig().resetActiveHigh() ? "reset" : "reset_n");
            }
            FixFormat f = p.fixFormat();
            if (f != null) {
                Map<String, Object> fx = new LinkedHashMap<>();
                fx.put("signed", f.signed());
                fx.put("int_bits", f.intBits());
                fx.put("frac_bits", f.fracBits());
                fx.put("q", f.toString());
                port.put("fixed_point", fx);
            }
            ports.add(port);
        }
        entry.put("ports", ports);
        tops.add(entry);
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "hdl-core");
        root.put("tops", tops);
        return Json.write(root);
    }
}
