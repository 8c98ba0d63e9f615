package org.edgemoe.hdl.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.ir.ClockConfig;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;

/**
 * A hardware module. Subclasses declare ports and logic in fields and in their constructor:
 * <pre>
 * class Counter extends Module {
 *     final Bool en = in(Bool());
 *     final UInt count = out(UInt(8));
 *     Counter() {
 *         UInt value = reg(UInt(8)).init(0);
 *         when(en, () -> value.set(value.plus(1)));
 *         count.set(value);
 *     }
 * }
 * </pre>
 * A parent places a child with {@code instance(new Child(...))}; the top is built by
 * {@link Elaboration#elaborate}. Java field names become Verilog names.
 */
public abstract class Module {
    private final ModuleIR ir;
    private final Deque<List<Stmt>> scopes = new ArrayDeque<>();
    private final Map<Signal, Signal> parentSide = new HashMap<>();
    private boolean ioPrefix = true;
    private boolean finished;
    private SourceLoc placedAt;
    private final SourceLoc creationSite;

    /** Modules nested deeper than this are taken for a recursion without end. */
    static final int MAX_DEPTH = 256;

    private static final StackWalker CLASS_WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    protected Module() {
        Builder b = Builder.current();
        SourceLoc loc = SourceLoc.capture();
        creationSite = callerOfConstructor();
        if (b.depth() >= MAX_DEPTH) {
            throw b.fatal(creationSite, "modules nested " + MAX_DEPTH + " deep: " + getClass().getSimpleName()
                    + " keeps instantiating itself (a recursive module needs a parameter that ends the recursion)");
        }
        ir = new ModuleIR(getClass().getSimpleName(), loc);
        if (b.insideModule()) {
            ir.setClockConfig(b.module().ir().clockConfig());
        }
        scopes.push(ir.body());
        b.pushModule(this);
    }

    /** The user's line that created this module ({@code new Child(...)}): outside its constructors. */
    private SourceLoc callerOfConstructor() {
        // Skip this object's own constructor chain (one frame per class between it and Module).
        int chain = 0;
        for (Class<?> c = getClass(); c != Module.class && c != null; c = c.getSuperclass()) {
            if (!SourceLoc.isLibraryClass(c)) {
                chain++;
            }
        }
        int skip = chain;
        return CLASS_WALKER.walk(frames -> frames
                .filter(f -> !SourceLoc.isLibrary(f))
                .skip(skip)
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? "<unknown>" : f.getFileName(), f.getLineNumber()))
                .orElse(SourceLoc.UNKNOWN));
    }

    SourceLoc creationSite() {
        return creationSite;
    }

    boolean isPlaced() {
        return finished;
    }

    SourceLoc placedAt() {
        return placedAt;
    }

    /** The netlist of this instance (for passes and tools). */
    public final ModuleIR ir() {
        return ir;
    }

    List<Stmt> statements() {
        return scopes.peek();
    }

    void pushScope(List<Stmt> s) {
        scopes.push(s);
    }

    void popScope() {
        scopes.pop();
    }

    Signal parentSideOf(Signal childPort) {
        return parentSide.get(childPort);
    }

    boolean ioPrefix() {
        return ioPrefix;
    }

    /** Ports keep their plain field names, without the {@code io_} prefix (for black boxes and top-level pins). */
    protected final void noIoPrefix() {
        ioPrefix = false;
    }

    /** Records a generator parameter: shown in the manifest and used to name distinct variants. */
    protected final void param(String name, Object value) {
        ir.parameters().put(name, value);
    }

    /** Overrides the Verilog module name (default: the Java class name, plus parameters when variants differ). */
    protected final void setDefinitionName(String name) {
        ir.setDefinitionName(name, true, SourceLoc.capture());
    }

    /** Clock and reset behaviour of this module's registers (inherited by children created afterwards). */
    protected final void clockConfig(ClockConfig config) {
        if (ir.hasClock()) {
            throw new IllegalStateException("set the clock configuration before creating registers");
        }
        ir.setClockConfig(config);
    }

    private Signal softReset(Bool extra) {
        Bool parent = Bool.of(new org.edgemoe.hdl.ir.Expr.Ref(ir.reset()));
        Bool held = Hdl.regNext(extra).init(Hdl.B(false));
        Bool r = Hdl.wire(new Bool());
        r.set(ir.clockConfig().resetActiveHigh() ? parent.or(held) : parent.and(held.not()));
        return r.signal();
    }

    /** Ends construction: names fields by reflection. Called by instance() and elaborate(). */
    final void finish() {
        if (finished) {
            throw new IllegalStateException("module " + getClass().getSimpleName() + " was already placed; create a new one");
        }
        finished = true;
        placedAt = SourceLoc.capture();
        Builder.current().popModule(this);
        NameByReflection.nameFields(this);
    }

    /** Places a finished child under this module, binding each of its ports to a parent-side signal. */
    final <M extends Module> M place(M child) {
        return place(child, null);
    }

    /**
     * {@link #place(Module)}, the child's reset also asserted while {@code softReset} is high (registered once here,
     * so the child sees a glitch-free reset one cycle later; with the parent's reset polarity).
     */
    final <M extends Module> M place(M child, Bool softReset) {
        ModuleIR c = child.ir();
        Instance inst = new Instance(c, SourceLoc.capture());
        inst.setScope(ir.scope());
        for (Signal port : c.ports()) {
            Signal side;
            if (port == c.clockOrNull()) {
                side = ir.clock();
            } else if (port == c.resetOrNull()) {
                side = softReset == null ? ir.reset() : softReset(softReset);
            } else {
                side = ir.newSignal(SignalKind.INSTANCE_PORT, port.width(), port.signed(), inst.loc());
                side.setFixFormat(port.fixFormat());
                parentSide.put(port, side);
            }
            inst.bind(port, side);
        }
        ir.instances().add(inst);
        return child;
    }
}
