package org.edgemoe.hdl.ir;

import org.edgemoe.hdl.fixed.FixFormat;

/**
 * A named value of a module's netlist: port, wire, register, operator node or instance port.
 * Widths are fixed at creation; names are settled by the naming passes.
 */
public final class Signal {
    private final ModuleIR owner;
    private final SignalKind kind;
    private final int width;
    private final boolean signed;
    private final SourceLoc loc;
    private final int serial;
    private String name;
    private NameSource nameSource = NameSource.NONE;
    private FixFormat fixFormat;
    private Expr definition;       // NODE only
    private Expr resetValue;       // REG only, null when the register has no reset
    private boolean isPublic;
    private String scope = "";

    /** How a signal got its name; stronger sources win. */
    public enum NameSource { NONE, TEMP, FIELD, EXPLICIT }

    Signal(ModuleIR owner, SignalKind kind, int width, boolean signed, SourceLoc loc, int serial) {
        if (width < 1) {
            throw new IllegalArgumentException("signal width must be at least 1, was " + width);
        }
        this.owner = owner;
        this.kind = kind;
        this.width = width;
        this.signed = signed;
        this.loc = loc;
        this.serial = serial;
    }

    public ModuleIR owner() { return owner; }
    public SignalKind kind() { return kind; }
    public int width() { return width; }
    public boolean signed() { return signed; }
    public SourceLoc loc() { return loc; }
    /** Creation order within the owner; the tie-breaker that keeps output deterministic. */
    public int serial() { return serial; }
    public String name() { return name; }
    public NameSource nameSource() { return nameSource; }
    public FixFormat fixFormat() { return fixFormat; }
    public Expr definition() { return definition; }
    public Expr resetValue() { return resetValue; }
    public boolean isPublic() { return isPublic; }

    public boolean isPort() {
        return kind == SignalKind.INPUT || kind == SignalKind.OUTPUT;
    }

    /**
     * Sets the name when {@code source} is stronger than the current one. Among equals the first field name
     * stays (a value held by two fields keeps the first), while a later explicit name replaces an earlier one.
     */
    public void suggestName(String newName, NameSource source) {
        boolean stronger = source.compareTo(nameSource) > 0;
        boolean sameAndReplaceable = source == nameSource && (name == null || source == NameSource.EXPLICIT);
        if (stronger || sameAndReplaceable) {
            this.name = newName;
            this.nameSource = source;
        }
    }

    /** Unconditionally renames (used by the name allocator to resolve clashes). */
    public void rename(String newName) {
        this.name = newName;
    }

    /** The naming scope ({@code withPrefix}) the signal was created in, "" at module level. */
    public String scope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public void setFixFormat(FixFormat f) { this.fixFormat = f; }
    public void setDefinition(Expr e) { this.definition = e; }
    public void setResetValue(Expr e) { this.resetValue = e; }
    public void setPublic(boolean p) { this.isPublic = p; }

    @Override
    public String toString() {
        return name != null ? name : kind.name().toLowerCase() + "#" + serial;
    }
}
