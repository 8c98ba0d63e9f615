package org.edgemoe.hdl.ir;

import java.math.BigInteger;
import java.util.List;

/** A memory array of {@code depth} words. Ports are statements (MemWrite, MemReadSync) or MemRead expressions. */
public final class Memory {
    private final ModuleIR owner;
    private final int width;
    private final boolean signed;
    private final int depth;
    private final SourceLoc loc;
    private String name;
    private List<BigInteger> init;
    private String scope = "";

    public Memory(ModuleIR owner, int width, boolean signed, int depth, SourceLoc loc) {
        if (depth < 1) {
            throw new IllegalArgumentException("memory depth must be at least 1, was " + depth);
        }
        this.owner = owner;
        this.width = width;
        this.signed = signed;
        this.depth = depth;
        this.loc = loc;
    }

    public ModuleIR owner() { return owner; }
    public int width() { return width; }
    public boolean signed() { return signed; }
    public int depth() { return depth; }
    public SourceLoc loc() { return loc; }
    public String name() { return name; }
    public String scope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public void setName(String name) { this.name = name; }

    /** Initial contents as bit patterns, or null. */
    public List<BigInteger> init() { return init; }

    public void setInit(List<BigInteger> init) {
        if (init.size() > depth) {
            throw new IllegalArgumentException("memory init has " + init.size() + " words, depth is " + depth);
        }
        this.init = List.copyOf(init);
    }

    public int addressWidth() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
    }
}
