package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import java.math.BigInteger;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;

/**
 * Exact floor division of a signed {@code width}-bit value by a constant d &gt;= 1, pipelined:
 * {@code q = floor(n / d)} ({@code Math.floorDiv}) for every input, one per cycle, {@link #LATENCY} cycles.
 *
 * <p>d = 2^a * o with o odd. The power of two is an arithmetic shift (floor(n / 2^a)); the odd factor uses
 * the identity floor(m / o) = ~floor(~m / o) for m &lt; 0, so only a non-negative N-bit value u is divided,
 * by a multiplication with the magic constant M = ceil(2^(N + l) / o), l = ceil(log2 o), and a shift by
 * N + l. Because M * o - 2^(N + l) &lt; o &lt;= 2^l, floor(u * M / 2^(N + l)) = floor(u / o) for all
 * 0 &lt;= u &lt; 2^N (Granlund and Montgomery, "Division by invariant integers using multiplication",
 * theorem 4.2). Stage 1: shift and conditional complement; stage 2: the product; stage 3: shift and
 * complement back.
 */
public final class ConstDivider extends Module {
    public static final int LATENCY = 3;
    public final SInt n;
    public final SInt q;

    public ConstDivider(int width, long divisor) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be >= 1, got " + divisor);
        }
        if (width < 2) {
            throw new IllegalArgumentException("dividend width must be >= 2, got " + width);
        }
        param("WIDTH", width);
        param("DIVISOR", divisor);
        n = in(SInt(width));
        q = out(SInt(width));
        int a = Long.numberOfTrailingZeros(divisor);
        long odd = divisor >> a;
        // floor(n / 2^a): width - a bits (at least 2 so the sign survives)
        int w1 = Math.max(2, width - a);
        SInt m = a > 0 ? (width - a >= 2 ? n.shr(a).resize(w1) : mux(n.isNegative(), S(-1, w1), S(0, w1))) : n;
        Bool neg = m.isNegative();
        int nb = w1 - 1; // |u| < 2^nb
        UInt u = mux(neg, m.not(), m).resize(nb).asUInt();
        UInt u1 = regNext(u).named("u1");
        Bool neg1 = regNext(neg).named("neg1");
        Bool neg2 = regNext(neg1).named("neg2");
        UInt quo;
        if (odd == 1) {
            quo = regNext(u1).named("quo");
        } else {
            int l = 64 - Long.numberOfLeadingZeros(odd - 1); // ceil(log2 odd), odd >= 3
            BigInteger magic = BigInteger.ONE.shiftLeft(nb + l).add(BigInteger.valueOf(odd - 1))
                    .divide(BigInteger.valueOf(odd));
            if (magic.bitLength() > 62) {
                throw new IllegalArgumentException("dividend of " + width + " bits too wide for divisor " + divisor
                        + " (magic constant of " + magic.bitLength() + " bits; at most 62)");
            }
            UInt prod = regNext(u1.times(U(magic.longValueExact(), magic.bitLength()))).named("prod");
            quo = prod.shr(nb + l).resize(nb);
        }
        SInt qs = quo.resize(w1).asSInt();
        q.set(regNext(mux(neg2, qs.not(), qs).resize(width)).named("q3"));
    }
}
