package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/**
 * The softmax's 1 / sum: inv = floor(2^(2P) / sum) by a restoring divider, one quotient bit per {@code step}
 * after {@code init}, P+1 steps ({@code last} on the final one; sum >= 1.0 = 2^P, so the quotient has P+1 bits).
 * {@code sum} must hold still while the steps run.
 */
public final class SumInverse extends Module {
    public final Bool init = in(Bool());
    public final Bool step = in(Bool());
    public final UInt sum;
    public final UInt inv;
    public final Bool last = out(Bool());

    public SumInverse(int p, int sumWidth) {
        param("P", p);
        param("SUM_WIDTH", sumWidth);
        sum = in(UInt(sumWidth));
        inv = out(UInt(p + 1));

        int ws = sumWidth;
        UInt rem = reg(UInt(ws + 1)).init(0).named("divRem");
        UInt q = reg(UInt(p + 1)).init(0).named("invSum");
        UInt divCnt = reg(UInt(log2Up(p + 2))).init(0).named("divCnt");
        UInt remShift = rem.shl(1).resize(ws + 1);
        Bool geS = remShift.ge(sum.resize(ws + 1));
        when(init, () -> {
            rem.set(U(1L << (p - 1), ws + 1));
            divCnt.set(U(0, divCnt.width()));
        });
        when(step, () -> {
            rem.set(mux(geS, remShift.minus(sum.resize(ws + 1)), remShift));
            q.set(cat(q.slice(p - 1, 0), geS).asUInt());
            divCnt.set(divCnt.plus(1));
        });
        inv.set(q);
        last.set(divCnt.eq(p));
    }
}
