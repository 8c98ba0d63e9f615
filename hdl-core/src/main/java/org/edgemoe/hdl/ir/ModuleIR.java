package org.edgemoe.hdl.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The netlist of one module instance as elaborated: signals, statements, memories, child instances.
 * Identical instances are merged into one Verilog module later (deduplication).
 */
public final class ModuleIR {
    private final String className;
    private final SourceLoc loc;
    private final List<Signal> signals = new ArrayList<>();
    private final List<Stmt> body = new ArrayList<>();
    private final List<Memory> memories = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private ClockConfig clockConfig = ClockConfig.DEFAULT;
    private Signal clock;
    private Signal reset;
    private boolean blackBox;
    private String definitionName;
    private boolean explicitDefinitionName;
    private SourceLoc definitionNameLoc;
    private String inlineVerilog;
    private String scope = "";

    /** Serial of the first emission temporary (after every netlist signal). */
    public static final int TEMPORARY_SERIAL = 1_000_000_000;

    public ModuleIR(String className, SourceLoc loc) {
        this.className = className;
        this.loc = loc;
        this.definitionName = className;
    }

    public String className() { return className; }
    public SourceLoc loc() { return loc; }
    public List<Signal> signals() { return Collections.unmodifiableList(signals); }
    public List<Stmt> body() { return body; }
    public List<Memory> memories() { return memories; }
    public List<Instance> instances() { return instances; }
    public Map<String, Object> parameters() { return parameters; }
    public ClockConfig clockConfig() { return clockConfig; }
    public void setClockConfig(ClockConfig c) { this.clockConfig = c; }
    public boolean isBlackBox() { return blackBox; }
    public void setBlackBox(boolean b) { this.blackBox = b; }
    public String definitionName() { return definitionName; }
    public boolean hasExplicitDefinitionName() { return explicitDefinitionName; }
    public String inlineVerilog() { return inlineVerilog; }
    public void setInlineVerilog(String v) { this.inlineVerilog = v; }

    public void setDefinitionName(String name, boolean explicit) {
        setDefinitionName(name, explicit, loc);
    }

    /** Sets the Verilog module name; {@code where} is the user's line that chose it (for clash reports). */
    public void setDefinitionName(String name, boolean explicit, SourceLoc where) {
        this.definitionName = name;
        this.explicitDefinitionName = explicit;
        this.definitionNameLoc = where;
    }

    /** Where the definition name was chosen: the setDefinitionName call, else the module's constructor. */
    public SourceLoc definitionNameLoc() {
        return definitionNameLoc != null ? definitionNameLoc : loc;
    }

    /** The naming scope new signals, instances and memories are created in ("" at module level). */
    public String scope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }

    public Signal newSignal(SignalKind kind, int width, boolean signed, SourceLoc loc) {
        Signal s = new Signal(this, kind, width, signed, loc, signals.size());
        s.setScope(scope);
        signals.add(s);
        return s;
    }

    /**
     * A signal for emission passes that is not part of the netlist (so emitting twice changes nothing).
     * Its serial sorts after every netlist signal.
     */
    public Signal temporary(int width, boolean signed, int index) {
        return new Signal(this, SignalKind.NODE, width, signed, SourceLoc.UNKNOWN, TEMPORARY_SERIAL + index);
    }

    public List<Signal> ports() {
        List<Signal> ports = new ArrayList<>();
        for (Signal s : signals) {
            if (s.isPort()) {
                ports.add(s);
            }
        }
        return ports;
    }

    /** The implicit clock input, created on first use. */
    public Signal clock() {
        if (clock == null) {
            clock = newSignal(SignalKind.INPUT, 1, false, loc);
            clock.suggestName(clockConfig.clockName(), Signal.NameSource.EXPLICIT);
        }
        return clock;
    }

    /** The implicit reset input, created on first use. */
    public Signal reset() {
        if (reset == null) {
            reset = newSignal(SignalKind.INPUT, 1, false, loc);
            reset.suggestName(clockConfig.resetName(), Signal.NameSource.EXPLICIT);
        }
        return reset;
    }

    /** Makes an existing input port the clock (black boxes whose clock pin has its own name). */
    public void adoptClock(Signal port) {
        this.clock = port;
    }

    public void adoptReset(Signal port) {
        this.reset = port;
    }

    public boolean hasClock() { return clock != null; }
    public boolean hasReset() { return reset != null; }
    public Signal clockOrNull() { return clock; }
    public Signal resetOrNull() { return reset; }
}
