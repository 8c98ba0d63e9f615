package org.edgemoe.hdl.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.edgemoe.hdl.check.Diagnostics;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;

/**
 * The elaboration context of the current thread: which module is being built, which statement
 * list (when branch) receives new statements, and the collected errors.
 */
final class Builder {
    private static final ThreadLocal<Builder> CURRENT = new ThreadLocal<>();

    final Diagnostics diagnostics = new Diagnostics();
    private final Deque<Module> modules = new ArrayDeque<>();

    static Builder current() {
        Builder b = CURRENT.get();
        if (b == null) {
            throw new IllegalStateException(SourceLoc.capture()
                    + ": hardware can only be built during elaboration: use Elaboration.elaborate(() -> new MyTop())");
        }
        return b;
    }

    /**
     * Reports a located error at the user's line. During an elaboration it is collected (the caller goes on
     * with a stand-in value so that later errors are found too); outside one it is thrown.
     */
    static void error(String message) {
        SourceLoc loc = SourceLoc.capture();
        Builder b = CURRENT.get();
        if (b == null) {
            throw new IllegalArgumentException(loc + ": " + message);
        }
        b.diagnostics.error(loc, message);
    }

    /** Reports a located error after which elaboration cannot go on: throws every error collected so far. */
    ElaborationException fatal(SourceLoc loc, String message) {
        diagnostics.error(loc, message);
        return new ElaborationException(diagnostics.errors());
    }

    int depth() {
        return modules.size();
    }

    static Builder open() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("an elaboration is already running on this thread");
        }
        Builder b = new Builder();
        CURRENT.set(b);
        return b;
    }

    static void close() {
        CURRENT.remove();
    }

    Module module() {
        Module m = modules.peek();
        if (m == null) {
            throw fatal(SourceLoc.capture(), "hardware must be created inside a Module constructor (or a method it calls), "
                    + "not before or after one");
        }
        return m;
    }

    void pushModule(Module m) {
        modules.push(m);
    }

    /** Ends the construction of {@code m}; it must be the innermost module under construction. */
    void popModule(Module m) {
        Module top = modules.peek();
        if (top != m) {
            if (top == null || !modules.contains(m)) {
                throw fatal(SourceLoc.capture(), "module " + m.getClass().getSimpleName() + " is not under construction here");
            }
            String name = top.getClass().getSimpleName();
            throw fatal(top.creationSite(), "module " + name + " created here is never placed in its parent: wrap it in instance(new "
                    + name + "(...))");
        }
        modules.pop();
    }

    boolean insideModule() {
        return !modules.isEmpty();
    }

    void add(Stmt s) {
        module().statements().add(s);
    }

    void withStatements(List<Stmt> target, Runnable body) {
        Module m = module();
        m.pushScope(target);
        try {
            body.run();
        } finally {
            m.popScope();
        }
    }

    /** A new operator node in the current module, defined by {@code e}. */
    Signal node(Expr e) {
        Signal s = module().ir().newSignal(SignalKind.NODE, e.width(), e.signed(), SourceLoc.UNKNOWN);
        s.setDefinition(e);
        return s;
    }

    /** How the current module reads {@code s}: itself, or the parent-side copy of a child's port. */
    Expr read(Signal s) {
        Module m = module();
        if (s.owner() == m.ir()) {
            return new Expr.Ref(s);
        }
        Signal bound = m.parentSideOf(s);
        if (bound != null) {
            return new Expr.Ref(bound);
        }
        diagnostics.error(SourceLoc.capture(), "signal " + describe(s) + " belongs to module "
                + s.owner().className() + " and is not visible in " + m.ir().className()
                + " (only a child's ports are; pass values between modules through ports)");
        // A local stand-in, so that the checks that follow see a well-formed netlist.
        return new Expr.Const(java.math.BigInteger.ZERO, s.width(), s.signed());
    }

    /** The signal an assignment in the current module really drives, or null after reporting why it cannot. */
    Signal writeTarget(Signal s, SourceLoc loc) {
        Module m = module();
        if (s.owner() == m.ir()) {
            switch (s.kind()) {
                case INPUT -> {
                    diagnostics.error(loc, "input port " + describe(s) + " is driven from outside and cannot be assigned inside its module");
                    return null;
                }
                case NODE -> {
                    diagnostics.error(loc, "signal " + describe(s) + " is the result of an operator and already driven by it; assign a wire() instead");
                    return null;
                }
                default -> {
                    return s; // outputs, wires, registers and the inputs of child instances
                }
            }
        }
        Signal bound = m.parentSideOf(s);
        if (bound != null) {
            if (s.kind() == SignalKind.OUTPUT) {
                diagnostics.error(loc, "output " + describe(s) + " of child " + s.owner().className()
                        + " is driven inside the child and cannot also be driven here");
                return null;
            }
            return bound;
        }
        diagnostics.error(loc, "signal " + describe(s) + " belongs to module " + s.owner().className()
                + " and cannot be driven from " + m.ir().className());
        return null;
    }

    static String describe(Signal s) {
        if (s.name() == null) {
            // Fields initialised before the constructor body already hold their hardware: name them now.
            Builder b = CURRENT.get();
            if (b != null) {
                for (Module m : b.modules) {
                    if (m.ir() == s.owner()) {
                        NameByReflection.nameFields(m);
                    }
                }
            }
        }
        return s.name() != null ? "'" + s.name() + "'" : "(unnamed " + s.kind().name().toLowerCase() + " created at " + s.loc() + ")";
    }
}
