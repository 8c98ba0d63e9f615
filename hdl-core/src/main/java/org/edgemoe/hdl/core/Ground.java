package org.edgemoe.hdl.core;

import java.util.List;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;

/** A value that is a single bit vector in the netlist: Bool, Bits, UInt, SInt or Fix. */
public abstract class Ground extends Data {
    private Signal signal;

    /** Width in bits. */
    public abstract int width();

    /** Whether the bits are read as two's complement. */
    public abstract boolean signed();

    /** Short type name for messages, e.g. {@code UInt(8)}. */
    public abstract String typeName();

    @Override
    public abstract Ground cloneType();

    /** Same type and width (and format, for fixed point): the condition for assignment without resizing. */
    public boolean sameTypeAs(Ground other) {
        return getClass() == other.getClass() && width() == other.width();
    }

    @Override
    public final List<Ground> leaves() {
        return List.of(this);
    }

    @Override
    public final boolean isBound() {
        return signal != null;
    }

    /** The netlist signal behind this value; fails on a type that is not hardware yet. */
    public final Signal signal() {
        if (signal == null) {
            throw new IllegalStateException(typeName() + " is a type, not hardware: wrap it in wire(), reg(), in() or out()");
        }
        return signal;
    }

    final void bindTo(Signal s) {
        this.signal = s;
        s.setFixFormat(fixFormatOrNull());
    }

    org.edgemoe.hdl.fixed.FixFormat fixFormatOrNull() {
        return null;
    }

    @Override
    final void bind(Module m, SignalKind kind, boolean flip) {
        SignalKind k = kind;
        if (isFlipped() != flip) {
            if (kind == SignalKind.INPUT) {
                k = SignalKind.OUTPUT;
            } else if (kind == SignalKind.OUTPUT) {
                k = SignalKind.INPUT;
            }
        }
        bindTo(m.ir().newSignal(k, width(), signed(), SourceLoc.capture()));
    }

    @Override
    final void nameLeaves(String path, Signal.NameSource source, boolean ioPrefix) {
        Signal s = signal();
        if (source == Signal.NameSource.EXPLICIT) {
            s = explicitNameTarget(s);
            if (s == null) {
                return;
            }
        }
        String name = s.isPort() && ioPrefix && source != Signal.NameSource.EXPLICIT ? "io_" + path : path;
        if (source == Signal.NameSource.EXPLICIT && !s.scope().isEmpty()) {
            name = s.scope() + "_" + name;
        }
        s.suggestName(name, source);
    }

    /**
     * The signal {@code named(...)} names: the value's own, or, for a child's port named from the parent, the
     * parent's connection wire ({@code <instance>_<port>} by default), so the child (and its pins, a black box's
     * too) stays as it is and identical children still share one module. Null after reporting a signal the
     * current module cannot name.
     */
    private static Signal explicitNameTarget(Signal s) {
        Builder b = Builder.current();
        if (!b.insideModule() || s.owner() == b.module().ir()) {
            return s;
        }
        Module m = b.module();
        Signal side = m.parentSideOf(s);
        if (side != null) {
            return side;
        }
        if (s.isPort() && m.ir().instances().stream().anyMatch(i -> i.bindings().containsKey(s))) {
            b.diagnostics.error(SourceLoc.capture(), "cannot name " + Builder.describe(s) + " of child " + s.owner().className()
                    + ": a child's clock and reset are this module's own; name those instead");
        } else {
            b.diagnostics.error(SourceLoc.capture(), "cannot name " + Builder.describe(s) + ": it belongs to module "
                    + s.owner().className() + ", not to " + m.ir().className() + " (a module names its own hardware and its children's ports)");
        }
        return null;
    }

    /** The expression that reads this value in the module being built. */
    public final Expr read() {
        return Builder.current().read(signal());
    }

    @Override
    public final void set(Data value) {
        SourceLoc loc = SourceLoc.capture();
        Builder b = Builder.current();
        if (!(value instanceof Ground g)) {
            b.diagnostics.error(loc, "cannot assign " + value.getClass().getSimpleName() + " to " + typeName());
            return;
        }
        Expr v = g.read();
        if (!sameTypeAs(g)) {
            boolean enums = this instanceof HdlEnum || g instanceof HdlEnum;
            if (this instanceof Fix to && g instanceof Fix from) {
                // Same class, other format: a width hint cannot work (resize(int) keeps the binary point).
                FixFormat f = to.format();
                b.diagnostics.error(loc, "format mismatch: cannot assign " + from.typeName() + " [" + from.format() + "] to " + typeName()
                        + " [" + f + "] " + Builder.describe(signal()) + "; convert it with .resize(FixFormat." + (f.signed() ? "sfix" : "ufix")
                        + "(" + f.intBits() + ", " + f.fracBits() + "), rounding, overflow), e.g. Rounding.ROUND_HALF_UP and Overflow.SATURATE");
            } else {
                String hint = g.getClass() == getClass() && !enums ? "; resize it explicitly, e.g. .resize(" + width() + ")" : "";
                b.diagnostics.error(loc, (enums ? "type mismatch" : "width mismatch") + ": cannot assign " + g.typeName() + " to " + typeName()
                        + " " + Builder.describe(signal()) + hint);
            }
            // Keep the assignment (resized) so later checks do not report the target as undriven.
            v = Exprs.resize(v, width(), signed());
        }
        Signal target = b.writeTarget(signal(), loc);
        if (target != null) {
            b.add(new Stmt.Assign(target, v, loc));
        }
    }

    @Override
    public final void connectFrom(Data producer) {
        set(producer);
    }

    /** Register reset value; only for registers. Returns this. */
    @SuppressWarnings("unchecked")
    public <T extends Ground> T init(T value) {
        Signal s = signal();
        SourceLoc loc = SourceLoc.capture();
        Builder b = Builder.current();
        if (s.kind() != SignalKind.REG) {
            b.diagnostics.error(loc, "init() is only for registers; " + Builder.describe(s) + " is a " + s.kind().name().toLowerCase());
        } else if (!sameTypeAs(value)) {
            b.diagnostics.error(loc, (this instanceof HdlEnum || value instanceof HdlEnum ? "type" : "width")
                    + " mismatch: reset value " + value.typeName() + " for register " + typeName());
        } else {
            s.setResetValue(value.read());
            s.owner().reset();
        }
        return (T) this;
    }

    /** Wraps a new operator node of this value's type and width. */
    @SuppressWarnings("unchecked")
    final <T extends Ground> T sameTypeNode(Expr e) {
        Ground g = cloneType();
        g.bindTo(Builder.current().node(e));
        return (T) g;
    }

    @Override
    public String toString() {
        return typeName() + (signal != null && signal.name() != null ? " " + signal.name() : "");
    }
}
