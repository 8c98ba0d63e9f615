package org.edgemoe.hdl.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;

/**
 * The vocabulary of a design, meant for {@code import static org.edgemoe.hdl.core.Hdl.*}:
 * types ({@code UInt(8)}), hardware ({@code in}, {@code out}, {@code wire}, {@code reg}), constants
 * ({@code U(5, 8)}), control ({@code when}, {@code switchOn}), structure ({@code instance}, {@code mem}).
 */
public final class Hdl {
    private Hdl() { }

    // ---- types (unbound) ----

    public static Bool Bool() { return new Bool(); }
    public static UInt UInt(int width) { return new UInt(width); }
    public static SInt SInt(int width) { return new SInt(width); }
    public static Bits Bits(int width) { return new Bits(width); }
    /** Signed fixed point with {@code intBits} integer bits (sign included) and {@code fracBits} fraction bits. */
    public static Fix SFix(int intBits, int fracBits) { return new Fix(format(true, intBits, fracBits)); }
    public static Fix UFix(int intBits, int fracBits) { return new Fix(format(false, intBits, fracBits)); }

    private static FixFormat format(boolean signed, int intBits, int fracBits) {
        if (intBits + fracBits < 1) {
            Builder.error("fixed-point format " + (signed ? "SFix(" : "UFix(") + intBits + ", " + fracBits
                    + ") needs at least one bit (intBits + fracBits >= 1)");
            return new FixFormat(signed, Math.max(intBits, 1 - fracBits), fracBits);
        }
        return new FixFormat(signed, intBits, fracBits);
    }
    public static Fix Fix(FixFormat format) { return new Fix(format); }
    public static <T extends Data> Vec<T> Vec(int size, T type) { return Vec.of(size, type); }
    /** A value of the Java enum {@code c}, binary encoded by ordinal (width log2Up(n)). */
    public static <E extends Enum<E>> HdlEnum<E> Enum(Class<E> c) { return new HdlEnum<>(c, HdlEnum.Encoding.BINARY); }
    /** A value of the Java enum {@code c} in the given encoding. */
    public static <E extends Enum<E>> HdlEnum<E> Enum(Class<E> c, HdlEnum.Encoding encoding) { return new HdlEnum<>(c, encoding); }

    /** Marks a bundle field as running against the bundle's direction. */
    public static <T extends Data> T flipped(T type) {
        type.markFlipped(!type.isFlipped());
        return type;
    }

    // ---- hardware ----

    private static <T extends Data> T bound(T type, SignalKind kind) {
        Builder b = Builder.current();
        @SuppressWarnings("unchecked")
        T t = (T) type.cloneType();
        t.bind(b.module(), kind, false);
        return t;
    }

    public static <T extends Data> T in(T type) { return bound(type, SignalKind.INPUT); }
    public static <T extends Data> T out(T type) { return bound(type, SignalKind.OUTPUT); }
    /** A port whose direction is the bundle's own (a stream's producer side): same as out. */
    public static <T extends Data> T master(T type) { return out(type); }
    /** A port facing a producer (a stream's consumer side): same as in. */
    public static <T extends Data> T slave(T type) { return in(type); }
    public static <T extends Data> T wire(T type) { return bound(type, SignalKind.WIRE); }

    /** A wire with a default value (assignments in when blocks override it). */
    public static <T extends Data> T wireInit(T value) {
        @SuppressWarnings("unchecked")
        T w = wire((T) value.cloneType());
        w.set(value);
        return w;
    }

    /** A register on the module's clock, without reset; chain {@code .init(v)} for a reset value. */
    public static <T extends Data> T reg(T type) {
        Builder.current().module().ir().clock();
        return bound(type, SignalKind.REG);
    }

    /** {@code value} delayed by one clock. */
    public static <T extends Data> T regNext(T value) {
        @SuppressWarnings("unchecked")
        T r = reg((T) value.cloneType());
        r.set(value);
        return r;
    }

    /** A register loaded with {@code value} on cycles where {@code enable} is high. */
    public static <T extends Data> T regNextWhen(T value, Bool enable) {
        @SuppressWarnings("unchecked")
        T r = reg((T) value.cloneType());
        when(enable, () -> r.set(value));
        return r;
    }

    /** Places a child module built with {@code new Child(...)} inside the current module. */
    public static <M extends Module> M instance(M child) {
        if (child.isPlaced()) {
            Builder.error("module " + child.getClass().getSimpleName() + " was already placed (at " + child.placedAt()
                    + "); create a new one for another instance");
            return child;
        }
        child.finish(); // pops the child, so the current module is its parent again
        return Builder.current().module().place(child);
    }

    /**
     * Places a child whose registers are also reset while {@code softReset} is high (SpinalHDL's soft reset of a
     * clock domain, Chisel's {@code withReset(reset || soft)}): a synchronous, registered extra reset, e.g. to
     * return a datapath to idle after an error without resetting the whole design.
     */
    public static <M extends Module> M instance(M child, Bool softReset) {
        if (child.isPlaced()) {
            Builder.error("module " + child.getClass().getSimpleName() + " was already placed (at " + child.placedAt()
                    + "); create a new one for another instance");
            return child;
        }
        child.finish();
        return Builder.current().module().place(child, softReset);
    }

    /** A memory of {@code depth} words of {@code type}. */
    public static <T extends Ground> Mem<T> mem(T type, int depth) {
        return new Mem<>(type, depth);
    }

    // ---- constants ----

    public static UInt U(long value, int width) { return UInt(width).literalIn(value); }
    /** Unsigned constant of minimal width. */
    public static UInt U(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("U(" + value + "): unsigned constants cannot be negative");
        }
        return U(value, Exprs.unsignedWidth(value));
    }
    public static SInt S(long value, int width) { return SInt(width).literalIn(value); }
    public static Bool B(boolean value) { return Bool.of(Exprs.constant(value ? 1 : 0, 1, false)); }
    public static Bits Bits(long value, int width) { return Bits(width).literalIn(value); }
    /** A binary-encoded enum constant ({@code E(State.RUN)}); for other encodings use {@code s.literal(v)}. */
    public static <E extends Enum<E>> HdlEnum<E> E(E value) {
        return Enum(value.getDeclaringClass()).literal(value);
    }

    /** A fixed-point constant, rounded to nearest (ties up); an error if it does not fit. */
    public static Fix fix(double value, FixFormat format) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            Builder.error("fixed-point constant " + value + " is not a finite number and has no value in " + format);
            return Fix.of(format, new Expr.Const(BigInteger.ZERO, format.width(), format.signed()));
        }
        BigInteger raw = Fix.rawOf(value, format);
        if (raw == null) {
            Builder.current().diagnostics.error(SourceLoc.capture(), "constant " + value + " does not fit " + format);
            raw = BigInteger.ZERO;
        }
        return Fix.of(format, new Expr.Const(raw, format.width(), format.signed()));
    }

    // ---- combinational helpers ----

    /** {@code whenTrue} when {@code cond} is high, else {@code whenFalse}; both of the same type. */
    @SuppressWarnings("unchecked")
    public static <T extends Data> T mux(Bool cond, T whenTrue, T whenFalse) {
        if (whenTrue instanceof Ground a && whenFalse instanceof Ground b) {
            if (!a.sameTypeAs(b)) {
                Builder.current().diagnostics.error(SourceLoc.capture(),
                        "width mismatch: mux of " + a.typeName() + " and " + b.typeName());
                return whenTrue;
            }
            return (T) a.sameTypeNode(new Expr.Mux(cond.read(), a.read(), b.read()));
        }
        T out = wire((T) whenTrue.cloneType());
        when(cond, () -> out.set(whenTrue)).otherwise(() -> out.set(whenFalse));
        return out;
    }

    /**
     * The sum of {@code terms} as a balanced tree of {@code plus} (each adder as wide as its wider operand, wrapping:
     * give the terms the result's width), depth log2 of the count; Chisel's {@code reduceTree(_ + _)}.
     */
    public static <T extends Numeric<T>> T sumTree(List<T> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("sumTree of no terms");
        }
        List<T> level = new ArrayList<>(terms);
        while (level.size() > 1) {
            List<T> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(level.get(i).plus(level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    /** Concatenation, first argument most significant; width is the sum. */
    public static Bits cat(Ground... parts) {
        List<Expr> es = new ArrayList<>();
        for (Ground g : parts) {
            es.add(g.read());
        }
        return Bits.of(Exprs.concat(es, false));
    }

    /** Bits needed to index {@code n} items (at least 1). */
    public static int log2Up(int n) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    }

    // ---- simulation and formal checks ----

    /**
     * The design promises {@code cond} at every rising clock edge outside reset, wherever this line is reached
     * (inside a {@code when}, only while its condition holds). In simulation a failure stops the run with a
     * {@code SimAssertionError} naming the cycle, the message and this line; in formal proof it is an assertion to
     * prove. Synthesis never sees it ({@code `ifndef SYNTHESIS}). The message may format arguments:
     * {@code assertAlways(count.le(depth), "count %d above %d", count, limit)} ({@code %d %x %b %f %s}, {@code %%}).
     * Like a register, a check gives its module a clock and a reset.
     */
    public static void assertAlways(Bool cond, String message, Ground... args) {
        check(Stmt.CheckKind.ASSERT, cond, message, args);
    }

    /**
     * The design's environment promises {@code cond} (e.g. a producer holds valid until ready): a constraint for
     * formal proof, and checked like an assertion in simulation (a failure there is the testbench's fault).
     */
    public static void assume(Bool cond, String message, Ground... args) {
        check(Stmt.CheckKind.ASSUME, cond, message, args);
    }

    /**
     * Prints a formatted message at every rising clock edge outside reset where this line is reached, in
     * simulation only: {@code when(fifo.push.fire(), () -> report("push %x, occupancy %d", data, count))}.
     */
    public static void report(String format, Ground... args) {
        check(Stmt.CheckKind.REPORT, null, format, args);
    }

    private static void check(Stmt.CheckKind kind, Bool cond, String format, Ground[] args) {
        Builder b = Builder.current();
        SourceLoc loc = SourceLoc.capture();
        if (format == null) {
            b.diagnostics.error(loc, "a check needs a message (it is what a failure reports)");
            return;
        }
        List<org.edgemoe.hdl.ir.CheckFormat.Part> parts;
        try {
            parts = org.edgemoe.hdl.ir.CheckFormat.parse(format);
        } catch (IllegalArgumentException e) {
            b.diagnostics.error(loc, e.getMessage());
            return;
        }
        List<Expr> values = new ArrayList<>();
        List<FixFormat> formats = new ArrayList<>();
        int k = 0;
        for (org.edgemoe.hdl.ir.CheckFormat.Part p : parts) {
            if (!p.isConversion()) {
                continue;
            }
            if (k >= args.length) {
                b.diagnostics.error(loc, "message \"" + format + "\" has more conversions than the " + args.length
                        + " argument(s) given");
                return;
            }
            Ground g = args[k++];
            if (p.conversion() == 'f' && !(g instanceof Fix)) {
                b.diagnostics.error(loc, "message \"" + format + "\": %f takes a fixed-point value, argument " + k
                        + " is " + g.typeName());
                return;
            }
            values.add(g.read());
            formats.add(g instanceof Fix f ? f.format() : null);
        }
        if (k != args.length) {
            b.diagnostics.error(loc, "message \"" + format + "\" has " + k + " conversion(s) for " + args.length
                    + " argument(s)");
            return;
        }
        org.edgemoe.hdl.ir.ModuleIR ir = b.module().ir();
        ir.clock();
        ir.reset();
        Expr c = cond == null ? org.edgemoe.hdl.ir.Bools.TRUE : cond.read();
        b.add(new Stmt.Check(kind, c, format, values, formats, loc));
    }

    // ---- naming ----

    /**
     * Runs {@code body} in a naming scope: explicit names given inside become {@code prefix_name}, and
     * unnamed signals, instances and memories get names that start with the prefix. Scopes nest
     * ({@code outer_inner_name}). For generated logic such as the stages of a loop.
     */
    public static void withPrefix(String prefix, Runnable body) {
        if (!prefix.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("prefix '" + prefix + "' is not an identifier");
        }
        org.edgemoe.hdl.ir.ModuleIR ir = Builder.current().module().ir();
        String outer = ir.scope();
        ir.setScope(outer.isEmpty() ? prefix : outer + "_" + prefix);
        try {
            body.run();
        } finally {
            ir.setScope(outer);
        }
    }

    // ---- control ----

    /** Runs {@code body} under {@code cond}; chain {@code .elsewhen(...)} and {@code .otherwise(...)}. */
    public static WhenBuilder when(Bool cond, Runnable body) {
        Builder b = Builder.current();
        Stmt.When w = new Stmt.When(cond.read(), new ArrayList<>(), new ArrayList<>(), SourceLoc.capture());
        b.add(w);
        b.withStatements(w.whenTrue(), body);
        return new WhenBuilder(w);
    }

    /** The chaining handle of a when statement. */
    public static final class WhenBuilder {
        private final Stmt.When when;

        WhenBuilder(Stmt.When when) {
            this.when = when;
        }

        public WhenBuilder elsewhen(Bool cond, Runnable body) {
            Builder b = Builder.current();
            Stmt.When nested = new Stmt.When(cond.read(), new ArrayList<>(), new ArrayList<>(), SourceLoc.capture());
            when.whenFalse().add(nested);
            b.withStatements(nested.whenTrue(), body);
            return new WhenBuilder(nested);
        }

        public void otherwise(Runnable body) {
            Builder.current().withStatements(when.whenFalse(), body);
        }
    }

    /** A switch on {@code selector}: chain {@code .is(value, body)} and optionally {@code .otherwise(body)}. */
    public static SwitchBuilder switchOn(BitVector<?> selector) {
        Builder b = Builder.current();
        Stmt.Switch s = new Stmt.Switch(selector.read(), new ArrayList<>(), new ArrayList<>(), SourceLoc.capture());
        b.add(s);
        return new SwitchBuilder(s, selector);
    }

    /**
     * A switch on an enum value: chain {@code .is(State.IDLE, body)}. When the cases cover every value of a
     * binary enum whose codes do not fill its width, the last case also takes the unused codes, so the
     * case statement is full (no latch, no default needed) and {@code otherwise} is then an error.
     */
    public static <E extends Enum<E>> EnumSwitchBuilder<E> switchOn(HdlEnum<E> selector) {
        Builder b = Builder.current();
        Stmt.Switch s = new Stmt.Switch(selector.read(), new ArrayList<>(), new ArrayList<>(), SourceLoc.capture());
        b.add(s);
        return new EnumSwitchBuilder<>(s, selector);
    }

    /** The chaining handle of an enum switch statement. */
    public static final class EnumSwitchBuilder<E extends Enum<E>> {
        private final Stmt.Switch sw;
        private final HdlEnum<E> selector;
        private final java.util.EnumSet<E> covered;

        EnumSwitchBuilder(Stmt.Switch sw, HdlEnum<E> selector) {
            this.sw = sw;
            this.selector = selector;
            this.covered = java.util.EnumSet.noneOf(selector.enumClass());
        }

        public EnumSwitchBuilder<E> is(E value, Runnable body) {
            return is(List.of(value), body);
        }

        public EnumSwitchBuilder<E> is(List<E> values, Runnable body) {
            List<Expr.Const> consts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (E v : values) {
                if (!covered.add(v)) {
                    Builder.current().diagnostics.error(SourceLoc.capture(), "duplicate case " + qualified(v));
                    continue;
                }
                consts.add(selector.constExpr(v));
                names.add(qualified(v));
            }
            String comment = String.join(", ", names);
            int n = selector.values().length;
            if (covered.size() == n && selector.encoding() == HdlEnum.Encoding.BINARY && n < (1 << selector.width())) {
                for (int code = n; code < (1 << selector.width()); code++) {
                    consts.add(Expr.Const.of(code, selector.width(), false));
                }
                comment += " and unused codes";
            }
            Stmt.Case c = new Stmt.Case(consts, new ArrayList<>(), comment);
            sw.cases().add(c);
            Builder.current().withStatements(c.body(), body);
            return this;
        }

        public void otherwise(Runnable body) {
            if (covered.size() == selector.values().length) {
                Builder.current().diagnostics.error(SourceLoc.capture(),
                        "otherwise is unreachable: every " + selector.enumClass().getSimpleName() + " value has a case");
                return;
            }
            Builder.current().withStatements(sw.otherwise(), body);
        }

        private static String qualified(Enum<?> v) {
            return v.getDeclaringClass().getSimpleName() + "." + v.name();
        }
    }

    /** The chaining handle of a switch statement. */
    public static final class SwitchBuilder {
        private final Stmt.Switch sw;
        private final BitVector<?> selector;
        private final java.util.Map<Long, SourceLoc> seen = new java.util.HashMap<>();

        SwitchBuilder(Stmt.Switch sw, BitVector<?> selector) {
            this.sw = sw;
            this.selector = selector;
        }

        public SwitchBuilder is(long value, Runnable body) {
            return is(new long[] {value}, body);
        }

        public SwitchBuilder is(long[] values, Runnable body) {
            List<Expr.Const> consts = new ArrayList<>();
            for (long v : values) {
                if (!selector.fits(v)) {
                    Builder.current().diagnostics.error(SourceLoc.capture(), "case value " + v + " does not fit " + selector.typeName());
                    continue;
                }
                SourceLoc here = SourceLoc.capture();
                SourceLoc first = seen.putIfAbsent(v, here);
                if (first != null) {
                    Builder.current().diagnostics.error(here, "duplicate case value " + v + " in switchOn (first at " + first
                            + "): the later case could never be taken");
                    continue;
                }
                consts.add(Expr.Const.of(v, selector.width(), selector.signed()));
            }
            Stmt.Case c = new Stmt.Case(consts, new ArrayList<>());
            sw.cases().add(c);
            Builder.current().withStatements(c.body(), body);
            return this;
        }

        public void otherwise(Runnable body) {
            Builder.current().withStatements(sw.otherwise(), body);
        }

        public boolean isFull() {
            return sw.isFull();
        }
    }
}
