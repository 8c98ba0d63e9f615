package org.edgemoe.hdl.core;

import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.fixed.Overflow;

import java.math.BigInteger;
import java.util.List;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * The logic of a fixed-point format conversion: first the fraction (rounding), then the integer part
 * (overflow). Kept apart from {@link Fix} because it is the one subtle piece of fixed-point hardware.
 */
final class FixResize {
    private FixResize() { }

    static Expr resize(Expr raw, FixFormat from, FixFormat to, Rounding rounding, Overflow overflow) {
        Expr v = shared(roundFraction(raw, from, to.fracBits(), rounding));
        // v now has to.fracBits() fraction bits and the signedness of 'from'.
        return fitInteger(v, from.signed(), to, overflow);
    }

    private static Expr roundFraction(Expr raw, FixFormat from, int frac, Rounding rounding) {
        int drop = from.fracBits() - frac;
        boolean s = from.signed();
        if (drop <= 0) {
            return drop == 0 ? raw : Exprs.concat(List.of(raw, Exprs.zeros(-drop)), s);
        }
        // Keep at least one bit above the dropped ones so that the shifted result is well defined.
        Expr e = raw.width() < drop + 1 ? Exprs.extend(raw, drop + 1, s) : raw;
        if (rounding != Rounding.TRUNCATE) {
            int w = e.width() + 1;
            Expr half = Exprs.constant(1L << (drop - 1), w, s);
            Expr sum;
            if (rounding == Rounding.ROUND_HALF_UP) {
                sum = new Expr.Binary(BinaryOp.ADD, Exprs.extend(e, w, s), half, w, s);
            } else {
                // Ties to even: add half - 1, plus one more when the kept LSB is odd.
                Expr halfMinusOne = Exprs.constant((1L << (drop - 1)) - 1, w, s);
                Expr keptLsb = Exprs.extend(new Expr.Slice(e, drop, drop, false), w, s);
                Expr bias = new Expr.Binary(BinaryOp.ADD, halfMinusOne, keptLsb, w, s);
                sum = new Expr.Binary(BinaryOp.ADD, Exprs.extend(e, w, s), bias, w, s);
            }
            e = sum;
        }
        return new Expr.Slice(e, e.width() - 1, drop, s);
    }

    private static Expr fitInteger(Expr v, boolean vSigned, FixFormat to, Overflow overflow) {
        int w = to.width();
        if (overflow == Overflow.WRAP || fitsWithin(v, vSigned, to)) {
            return Exprs.resize(v, w, to.signed());
        }
        int cw = Math.max(v.width(), w) + 1;
        Expr vs = shared(Exprs.extend(v, cw, true));
        BigInteger maxRaw = BigInteger.ONE.shiftLeft(to.signed() ? w - 1 : w).subtract(BigInteger.ONE);
        BigInteger minRaw = to.signed() ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
        Expr maxC = constant(maxRaw, cw);
        Expr minC = constant(minRaw, cw);
        Expr low = Exprs.truncate(vs, w, to.signed());
        Expr tooBig = new Expr.Binary(BinaryOp.GT, vs, maxC, 1, true);
        Expr tooSmall = new Expr.Binary(BinaryOp.LT, vs, minC, 1, true);
        Expr maxOut = constant(maxRaw, w, to.signed());
        Expr minOut = constant(minRaw, w, to.signed());
        return new Expr.Mux(tooBig, maxOut, new Expr.Mux(tooSmall, minOut, low));
    }

    /** True when every value of v is representable in {@code to} (no saturation logic needed). */
    private static boolean fitsWithin(Expr v, boolean vSigned, FixFormat to) {
        int vw = v.width();
        if (vSigned) {
            return to.signed() && vw <= to.width();
        }
        return to.signed() ? vw <= to.width() - 1 : vw <= to.width();
    }

    /** An operator node for {@code e}, so that several readers share one piece of logic. */
    private static Expr shared(Expr e) {
        if (e instanceof Expr.Ref || e instanceof Expr.Const) {
            return e;
        }
        return new Expr.Ref(Builder.current().node(e));
    }

    private static Expr constant(BigInteger value, int width) {
        return constant(value, width, true);
    }

    private static Expr constant(BigInteger value, int width, boolean signed) {
        BigInteger pattern = value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(width)) : value;
        return new Expr.Const(pattern, width, signed);
    }
}
