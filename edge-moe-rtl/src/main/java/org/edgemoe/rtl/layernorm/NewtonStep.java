package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;

/**
 * One Newton step of the reciprocal square root, exactly as {@code RsqrtUnit}: with 30 fraction bits and
 * each product floored, {@code y2 = y*y >> 30; my2 = m*y2 >> 30; y' = y*(3*2^30 - my2) >> 31}. Three
 * pipeline stages (one per product), {@link #LATENCY} cycles from {@code y, m} to {@code yOut, mOut}.
 *
 * <p>Widths: m is U2.30 in [1, 4) (32 bits); y &lt;= 2^30 (31 bits: the table's seeds are below 1.0, and a
 * Newton step of 1/sqrt never overshoots, y' &lt;= 1/sqrt(m)); y2 &lt;= 2^30; my2 &lt; 2^32. With seeds within
 * 0.4 % of 1/sqrt(m), 3*2^30 - my2 stays positive, so y' is the model's value at 31 bits.
 */
public final class NewtonStep extends Module {
    public static final int LATENCY = 3;
    public static final int FRAC = 30;
    public static final int M_WIDTH = 32;
    public static final int Y_WIDTH = 31;
    public final UInt m = in(UInt(M_WIDTH));
    public final UInt y = in(UInt(Y_WIDTH));
    public final UInt mOut = out(UInt(M_WIDTH));
    public final UInt yOut = out(UInt(Y_WIDTH));

    public NewtonStep() {
        // stage 1: y^2
        UInt y2 = regNext(y.times(y).shr(FRAC).resize(Y_WIDTH)).named("y2");
        UInt m1 = regNext(m).named("m1");
        UInt ya = regNext(y).named("ya");
        // stage 2: m * y^2
        UInt my2 = regNext(m1.times(y2).shr(FRAC).resize(M_WIDTH + 1)).named("my2");
        UInt m2 = regNext(m1).named("m2");
        UInt yb = regNext(ya).named("yb");
        // stage 3: y * (3 - m y^2) / 2
        SInt t = S(3L << FRAC, M_WIDTH + 3).minus(my2.resize(M_WIDTH + 3).asSInt()).named("threeMinus");
        SInt prod = yb.resize(Y_WIDTH + 1).asSInt().times(t);
        yOut.set(regNext(prod.shr(FRAC + 1).resize(Y_WIDTH).asUInt()).named("yNext"));
        mOut.set(regNext(m2).named("m3"));
    }
}
