package org.edgemoe.hdl.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * Statements of a module body. When and Switch stay trees down to emission, so the Verilog keeps
 * if / case; inside them the last assignment wins.
 *
 * <p>Traversals use the generic accessors rather than a case per statement kind: {@link #exprs()} (the
 * expressions a statement reads itself), {@link #bodies()} (the statement lists nested in it),
 * {@link #target()} (what a leaf statement drives), {@link #mapExprs} and {@link #mapBodies}; {@link StmtWalk}
 * builds the usual walks on them.
 */
public sealed interface Stmt {

    SourceLoc loc();

    /** The expressions this statement reads itself, in order (not those of nested statements). */
    List<Expr> exprs();

    /** The statement lists nested in this one, in order (branches, case bodies, default); none for a leaf. */
    default List<List<Stmt>> bodies() {
        return List.of();
    }

    /** What a leaf statement drives: a {@link Signal} (assignment, synchronous read) or a {@link Memory} (write); null for When / Switch. */
    Object target();

    /**
     * The same statement with every expression it and its nested statements read replaced by {@code f(e)}
     * (targets, labels and locations kept).
     */
    Stmt mapExprs(UnaryOperator<Expr> f);

    /** The same statement with each nested body replaced by {@code f(body)}; a leaf returns itself. */
    default Stmt mapBodies(UnaryOperator<List<Stmt>> f) {
        return this;
    }

    /**
     * For each body of {@link #bodies()}, in the same order, the 1-bit condition under which it runs (relative to
     * this statement being reached): a when's condition and its negation, a switch's case matches and, for the
     * default, no match. Empty for a leaf.
     */
    default List<Expr> guards() {
        return List.of();
    }

    /** {@code mapExprs} over a list. */
    static List<Stmt> mapExprs(List<Stmt> stmts, UnaryOperator<Expr> f) {
        List<Stmt> out = new ArrayList<>(stmts.size());
        for (Stmt s : stmts) {
            out.add(s.mapExprs(f));
        }
        return out;
    }

    record Assign(Signal target, Expr value, SourceLoc loc) implements Stmt {
        public List<Expr> exprs() { return List.of(value); }

        public Stmt mapExprs(UnaryOperator<Expr> f) {
            return new Assign(target, f.apply(value), loc);
        }
    }

    record When(Expr cond, List<Stmt> whenTrue, List<Stmt> whenFalse, SourceLoc loc) implements Stmt {
        public List<Expr> exprs() { return List.of(cond); }
        public List<List<Stmt>> bodies() { return List.of(whenTrue, whenFalse); }
        public Object target() { return null; }
        public List<Expr> guards() { return List.of(cond, Bools.not(cond)); }

        public Stmt mapExprs(UnaryOperator<Expr> f) {
            return new When(f.apply(cond), Stmt.mapExprs(whenTrue, f), Stmt.mapExprs(whenFalse, f), loc);
        }

        public Stmt mapBodies(UnaryOperator<List<Stmt>> f) {
            return new When(cond, f.apply(whenTrue), f.apply(whenFalse), loc);
        }
    }

    /** One case item; {@code comment} (or null) is printed after its labels, e.g. the enum value names. */
    record Case(List<Expr.Const> values, List<Stmt> body, String comment) {
        public Case(List<Expr.Const> values, List<Stmt> body) {
            this(values, body, null);
        }

        /** The same labels and comment with another body (for passes that rewrite statements). */
        public Case withBody(List<Stmt> newBody) {
            return new Case(values, newBody, comment);
        }
    }

    record Switch(Expr selector, List<Case> cases, List<Stmt> otherwise, SourceLoc loc) implements Stmt {
        /** True when the cases cover every selector value, so no default is needed for completeness. */
        public boolean isFull() {
            if (selector.width() > 20) {
                return false;
            }
            long n = 0;
            for (Case c : cases) {
                n += c.values().size();
            }
            return n >= (1L << selector.width());
        }

        public List<Expr> exprs() { return List.of(selector); }
        public Object target() { return null; }

        /** Each case: the selector equals one of its values; the default: it equals none of them. */
        public List<Expr> guards() {
            List<Expr> out = new ArrayList<>(cases.size() + 1);
            Expr any = Bools.FALSE;
            for (Case c : cases) {
                Expr match = Bools.FALSE;
                for (Expr.Const v : c.values()) {
                    match = Bools.or(match, new Expr.Binary(Expr.BinaryOp.EQ, selector, v, 1, false));
                }
                out.add(match);
                any = Bools.or(any, match);
            }
            out.add(Bools.not(any));
            return out;
        }

        /** Every case body in order, then the default. */
        public List<List<Stmt>> bodies() {
            List<List<Stmt>> out = new ArrayList<>(cases.size() + 1);
            for (Case c : cases) {
                out.add(c.body());
            }
            out.add(otherwise);
            return out;
        }

        public Stmt mapExprs(UnaryOperator<Expr> f) {
            Expr sel = f.apply(selector);
            return new Switch(sel, mapCases(b -> Stmt.mapExprs(b, f)), Stmt.mapExprs(otherwise, f), loc);
        }

        public Stmt mapBodies(UnaryOperator<List<Stmt>> f) {
            return new Switch(selector, mapCases(f), f.apply(otherwise), loc);
        }

        private List<Case> mapCases(UnaryOperator<List<Stmt>> f) {
            List<Case> out = new ArrayList<>(cases.size());
            for (Case c : cases) {
                out.add(c.withBody(f.apply(c.body())));
            }
            return out;
        }
    }

    /**
     * A simulation and formal check, never synthesised: an assertion or assumption that {@code cond} holds at every
     * rising clock edge outside reset where the statement is reached, or a report printed each time it is reached
     * ({@code cond} is then the constant 1). {@code format} is the user's message, its {@code %d %x %b %f %s}
     * conversions taking {@code args} in order ({@code %%} is a percent sign).
     */
    record Check(CheckKind kind, Expr cond, String format, List<Expr> args, List<FixFormat> argFormats, SourceLoc loc)
            implements Stmt {
        /** {@code argFormats}: the fixed-point format of each argument, null for one that is not fixed point. */
        public Check {
            args = List.copyOf(args);
            argFormats = java.util.Collections.unmodifiableList(new ArrayList<>(argFormats));
            if (argFormats.size() != args.size()) {
                throw new IllegalArgumentException(args.size() + " arguments but " + argFormats.size() + " formats");
            }
        }

        /** The condition, then the message arguments. */
        public List<Expr> exprs() {
            List<Expr> out = new ArrayList<>(args.size() + 1);
            out.add(cond);
            out.addAll(args);
            return out;
        }

        /** A check drives nothing; it has no nested statements either. */
        public Object target() { return null; }

        public Stmt mapExprs(UnaryOperator<Expr> f) {
            List<Expr> mapped = new ArrayList<>(args.size());
            for (Expr a : args) {
                mapped.add(f.apply(a));
            }
            return new Check(kind, f.apply(cond), format, mapped, argFormats, loc);
        }
    }

    /** What a {@link Check} does when it is reached. */
    enum CheckKind {
        /** {@code assertAlways}: the design promises {@code cond}. */
        ASSERT,
        /** {@code assume}: the design's environment promises {@code cond} (a formal constraint; checked in simulation). */
        ASSUME,
        /** {@code report}: a message, printed in simulation. */
        REPORT
    }

    /** A synchronous write port access: mem[address] <= data on the clock edge. */
    record MemWrite(Memory memory, Expr address, Expr data, SourceLoc loc) implements Stmt {
        public List<Expr> exprs() { return List.of(address, data); }
        public Object target() { return memory; }

        public Stmt mapExprs(UnaryOperator<Expr> f) {
            Expr a = f.apply(address);
            return new MemWrite(memory, a, f.apply(data), loc);
        }
    }

    /** A synchronous read port access: target <= mem[address] on the clock edge. */
    record MemReadSync(Memory memory, Expr address, Signal target, SourceLoc loc) implements Stmt {
        public List<Expr> exprs() { return List.of(address); }

        public Stmt mapExprs(UnaryOperator<Expr> f) {
            return new MemReadSync(memory, f.apply(address), target, loc);
        }
    }
}
