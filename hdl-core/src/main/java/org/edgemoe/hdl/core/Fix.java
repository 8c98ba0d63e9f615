package org.edgemoe.hdl.core;

import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.fixed.Overflow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * A signed or unsigned fixed-point value: raw bits with a binary point. Works wherever other data does
 * (ports, wires, registers, mux, when, Vec, Bundle). Width rules, after aligning binary points:
 * <ul>
 * <li>{@code plus/minus}: frac = max(fa, fb), int = max(ia, ib) + 1 (exact); a minus or any mixed
 *     signedness gives a signed result (an unsigned operand gains one integer bit);</li>
 * <li>{@code times}: int = ia + ib, frac = fa + fb (exact);</li>
 * <li>{@code resize(format, rounding, overflow)}: the target format, with explicit rounding of dropped
 *     fraction bits and explicit overflow handling;</li>
 * <li>{@code scale(n)}: the same bits, binary point moved (value times 2^n), free.</li>
 * </ul>
 * Assignment needs identical formats: resize explicitly.
 */
public final class Fix extends Ground {
    private final FixFormat format;

    public Fix(FixFormat format) {
        this.format = format;
    }

    public FixFormat format() { return format; }
    @Override public int width() { return format.width(); }
    @Override public boolean signed() { return format.signed(); }
    @Override public String typeName() { return (format.signed() ? "SFix" : "UFix") + "(" + format.intBits() + ", " + format.fracBits() + ")"; }
    @Override public Fix cloneType() { return new Fix(format); }
    @Override FixFormat fixFormatOrNull() { return format; }

    @Override
    public boolean sameTypeAs(Ground other) {
        return other instanceof Fix f && f.format.equals(format);
    }

    static Fix of(FixFormat f, Expr e) {
        if (e.width() != f.width()) {
            throw new IllegalStateException("raw width " + e.width() + " does not match " + f);
        }
        Fix x = new Fix(f);
        x.bindTo(Builder.current().node(e.signed() == f.signed() ? e : new Expr.Reinterpret(e, f.signed())));
        return x;
    }

    /** A fixed-point view of raw integer bits (no logic). */
    public static Fix fromRaw(FixFormat f, BitVector<?> raw) {
        return of(f, raw.read());
    }

    /** The raw bits as SInt (signed formats) or UInt. */
    public SInt rawSInt() { return SInt.of(new Expr.Reinterpret(read(), true)); }
    public UInt rawUInt() { return UInt.of(new Expr.Reinterpret(read(), false)); }

    /** A constant of this format, rounded to nearest (ties up); an error if it does not fit. */
    public Fix literal(double value) {
        return Hdl.fix(value, format);
    }

    /** Raw bits aligned to {@code frac} fraction bits and extended to {@code width}, read as {@code signed}. */
    private Expr aligned(int frac, int width, boolean asSigned) {
        Expr e = read();
        int shift = frac - format.fracBits();
        if (shift > 0) {
            e = Exprs.concat(List.of(e, Exprs.zeros(shift)), format.signed());
        }
        return Exprs.extend(e, width, asSigned);
    }

    private static int intBitsAsSigned(FixFormat f, boolean resultSigned) {
        return resultSigned && !f.signed() ? f.intBits() + 1 : f.intBits();
    }

    private Fix addSub(BinaryOp op, Fix o) {
        boolean s = format.signed() || o.format.signed() || op == BinaryOp.SUB;
        int frac = Math.max(format.fracBits(), o.format.fracBits());
        int in = Math.max(intBitsAsSigned(format, s), intBitsAsSigned(o.format, s)) + 1;
        FixFormat f = new FixFormat(s, in, frac);
        return of(f, new Expr.Binary(op, aligned(frac, f.width(), s), o.aligned(frac, f.width(), s), f.width(), s));
    }

    public Fix plus(Fix o) { return addSub(BinaryOp.ADD, o); }
    public Fix minus(Fix o) { return addSub(BinaryOp.SUB, o); }

    public Fix times(Fix o) {
        boolean s = format.signed() || o.format.signed();
        int ia = intBitsAsSigned(format, s);
        int ib = intBitsAsSigned(o.format, s);
        FixFormat f = new FixFormat(s, ia + ib, format.fracBits() + o.format.fracBits());
        int w = f.width();
        return of(f, new Expr.Binary(BinaryOp.MUL,
                Exprs.extend(read(), w, s), Exprs.extend(o.read(), w, s), w, s));
    }

    /** Value times 2^n: the same bits with the binary point moved. */
    public Fix scale(int n) {
        return of(new FixFormat(format.signed(), format.intBits() + n, format.fracBits() - n), read());
    }

    private Bool compare(BinaryOp op, Fix o) {
        boolean s = format.signed() || o.format.signed();
        int frac = Math.max(format.fracBits(), o.format.fracBits());
        int w = Math.max(intBitsAsSigned(format, s), intBitsAsSigned(o.format, s)) + frac;
        Expr a = aligned(frac, w, s);
        Expr b = o.aligned(frac, w, s);
        Expr.Const folded = ConstantCompare.fold(op, a, b, s);
        return Bool.of(folded != null ? folded : new Expr.Binary(op, a, b, 1, s));
    }

    public Bool lt(Fix o) { return compare(BinaryOp.LT, o); }
    public Bool le(Fix o) { return compare(BinaryOp.LE, o); }
    public Bool gt(Fix o) { return compare(BinaryOp.GT, o); }
    public Bool ge(Fix o) { return compare(BinaryOp.GE, o); }
    public Bool eq(Fix o) { return compare(BinaryOp.EQ, o); }

    /** Converts to {@code target}, rounding dropped fraction bits and handling overflow as asked. */
    public Fix resize(FixFormat target, Rounding rounding, Overflow overflow) {
        if (target == null || rounding == null || overflow == null) {
            Builder.error("resize of " + typeName() + " needs a format, a rounding and an overflow mode; "
                    + (target == null ? "format" : rounding == null ? "rounding" : "overflow") + " is null");
            if (target == null) {
                return this;
            }
            rounding = rounding == null ? Rounding.TRUNCATE : rounding;
            overflow = overflow == null ? Overflow.WRAP : overflow;
        }
        return of(target, FixResize.resize(read(), format, target, rounding, overflow));
    }

    /** Truncate and wrap: the HLS default, and the cheapest. */
    public Fix truncate(FixFormat target) {
        return resize(target, Rounding.TRUNCATE, Overflow.WRAP);
    }

    /** Raw pattern of {@code value} in {@code f}, rounded half up; null when it does not fit. */
    static BigInteger rawOf(double value, FixFormat f) {
        BigInteger raw = new BigDecimal(value).multiply(BigDecimal.valueOf(2).pow(Math.max(0, f.fracBits())))
                .divide(BigDecimal.valueOf(2).pow(Math.max(0, -f.fracBits())))
                .setScale(0, RoundingMode.HALF_UP).toBigInteger();
        BigInteger min = f.signed() ? BigInteger.ONE.shiftLeft(f.width() - 1).negate() : BigInteger.ZERO;
        BigInteger max = BigInteger.ONE.shiftLeft(f.signed() ? f.width() - 1 : f.width()).subtract(BigInteger.ONE);
        if (raw.compareTo(min) < 0 || raw.compareTo(max) > 0) {
            return null;
        }
        return raw.signum() < 0 ? raw.add(BigInteger.ONE.shiftLeft(f.width())) : raw;
    }
}
