package org.edgemoe.hdl.emit;

import java.util.List;
import java.util.Map;

/** The emitted files: {@code <Module>.v} name to text, the manifest, and the top module names. */
public record EmittedDesign(Map<String, String> files, String manifestJson, List<String> tops) {

    /** The Verilog of one module. */
    public String module(String name) {
        String v = files.get(name + ".v");
        if (v == null) {
            throw new IllegalArgumentException("no module " + name + "; emitted: " + files.keySet());
        }
        return v;
    }
}
