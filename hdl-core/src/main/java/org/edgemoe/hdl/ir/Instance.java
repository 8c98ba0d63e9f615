package org.edgemoe.hdl.ir;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A child module placed in a parent. Each child port is bound to a parent-side signal
 * ({@code <instance>_<port>}) that the parent reads (outputs) or drives (inputs).
 */
public final class Instance {
    private final ModuleIR child;
    private final SourceLoc loc;
    private String name;
    private String scope = "";
    private final Map<Signal, Signal> bindings = new LinkedHashMap<>();

    public Instance(ModuleIR child, SourceLoc loc) {
        this.child = child;
        this.loc = loc;
    }

    public ModuleIR child() { return child; }
    public String scope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public SourceLoc loc() { return loc; }
    public String name() { return name; }
    public void setName(String name) { this.name = name; }

    /** Child port to parent-side signal, in the child's port order. */
    public Map<Signal, Signal> bindings() { return bindings; }

    public void bind(Signal childPort, Signal parentSide) {
        bindings.put(childPort, parentSide);
    }
}
