package org.edgemoe.hdl.core;

import java.util.List;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;

/**
 * Any hardware value: a ground type (Bool, UInt, SInt, Bits, Fix) or an aggregate (Bundle, Vec).
 * A Data made by a type constructor such as {@code UInt(8)} is unbound (a type); {@code in}, {@code out},
 * {@code wire} and {@code reg} return bound copies that are hardware.
 */
public abstract class Data {
    private boolean flipped;

    /** A new, unbound value of the same type (field directions included). */
    public abstract Data cloneType();

    /** The ground leaves in declaration order (a ground value is its own single leaf). */
    public abstract List<Ground> leaves();

    /** Binds every leaf to a new signal of {@code kind}; for ports, flipped leaves get the opposite direction. */
    abstract void bind(Module m, SignalKind kind, boolean flip);

    /** Names the leaves {@code path}, {@code path_field}, {@code path_0}... with the given strength. */
    abstract void nameLeaves(String path, Signal.NameSource source, boolean ioPrefix);

    /**
     * The names of the leaves below this value, in {@link #leaves()} order, relative to its own name
     * ({@code ""} for a ground value; {@code valid}, {@code payload_addr} for a stream): what
     * {@link #named(String)} and field naming append after {@code <name>_}.
     */
    List<String> leafPaths() {
        return List.of("");
    }

    /** Names every leaf {@code path_<leaf path>} (or {@code path} for a ground value). */
    static void nameByPaths(Data d, String path, Signal.NameSource source, boolean ioPrefix) {
        List<Ground> leaves = d.leaves();
        List<String> paths = d.leafPaths();
        for (int i = 0; i < leaves.size(); i++) {
            String rel = paths.get(i);
            leaves.get(i).nameLeaves(rel.isEmpty() ? path : path + "_" + rel, source, ioPrefix);
        }
    }

    /** Last-connect assignment of every leaf from the same-shaped {@code value}. */
    public abstract void set(Data value);

    public final boolean isFlipped() {
        return flipped;
    }

    final void markFlipped(boolean f) {
        this.flipped = f;
    }

    /** True when this value is hardware rather than a type. */
    public boolean isBound() {
        for (Ground g : leaves()) {
            if (!g.isBound()) {
                return false;
            }
        }
        return true;
    }

    /** Gives an explicit Verilog name (wins over field names). Returns this, for chaining. */
    @SuppressWarnings("unchecked")
    public <T extends Data> T named(String name) {
        nameLeaves(name, Signal.NameSource.EXPLICIT, ioPrefixOf());
        return (T) this;
    }

    private boolean ioPrefixOf() {
        Builder b = Builder.current();
        return b.insideModule() && b.module().ioPrefix();
    }

    /** Signals the simulator should expose (Verilator public). Returns this. */
    @SuppressWarnings("unchecked")
    public <T extends Data> T simPublic() {
        for (Ground g : leaves()) {
            g.signal().setPublic(true);
        }
        return (T) this;
    }

    /**
     * Flip-aware connection from a producer of the same shape: fields that run with the bundle are driven
     * from {@code producer}, flipped fields (like a stream's ready) drive the producer's.
     */
    public abstract void connectFrom(Data producer);

    /** All leaves as one Bits, the first leaf in the least significant bits. */
    public Bits toBits() {
        java.util.List<Ground> ls = leaves();
        Ground[] parts = new Ground[ls.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = ls.get(parts.length - 1 - i);
        }
        return Hdl.cat(parts);
    }

    /** Assigns every leaf from its slice of {@code bits} (the layout of {@link #toBits()}). */
    public void setFromBits(Bits bits) {
        if (bits.width() != bitWidth()) {
            Builder.current().diagnostics.error(org.edgemoe.hdl.ir.SourceLoc.capture(),
                    "width mismatch: " + bits.width() + " bits for a value of " + bitWidth());
            return;
        }
        int lo = 0;
        for (Ground g : leaves()) {
            org.edgemoe.hdl.ir.Expr slice = new org.edgemoe.hdl.ir.Expr.Slice(bits.read(), lo + g.width() - 1, lo, g.signed());
            g.set(g.sameTypeNode(slice));
            lo += g.width();
        }
    }

    /** Total number of bits. */
    public int bitWidth() {
        int w = 0;
        for (Ground g : leaves()) {
            w += g.width();
        }
        return w;
    }
}
