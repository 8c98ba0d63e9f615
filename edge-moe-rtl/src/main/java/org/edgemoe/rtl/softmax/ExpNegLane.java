package org.edgemoe.rtl.softmax;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.model.hw.ExpUnit;

/**
 * exp(-t) for t >= 0, bit-exact to {@link ExpUnit#expNeg}(t, tFrac, prob): u = floor(t * L / 2^16)
 * (L = {@link ExpUnit#LOG2E}, UQ2.16), n = u >> F, the next 6 bits index a 65-entry UQ1.17 table of
 * 2^(-i/64) (case ROM of {T[i], T[i+1] - T[i]} pairs), the remaining F - 6 bits interpolate with a
 * floor, and the result is floor(e * 2^(P-17) / 2^n) (0 once the shift empties it).
 *
 * <p>Ports: {@code t} (raw unsigned, {@code tWidth} bits, {@code tFrac} fraction bits), {@code en}
 * (pipeline advance), {@code e} (raw unsigned, P fraction bits, P + 1 bits: the value is in [0, 1]).
 * Two register stages ({@link #LATENCY}): after the log2(e) product, and on the output.
 */
public final class ExpNegLane extends Module {
    public static final int LATENCY = 2;
    public final UInt t;
    public final Bool en;
    public final UInt e;

    public ExpNegLane(int tWidth, int tFrac, int probFrac) {
        if (tFrac < ExpUnit.STEP_BITS) {
            throw new IllegalArgumentException("exp input needs >= 6 fraction bits, got " + tFrac);
        }
        param("T_WIDTH", tWidth);
        param("T_FRAC", tFrac);
        param("P", probFrac);
        t = in(UInt(tWidth));
        en = in(Bool());
        e = out(UInt(probFrac + 1));

        // ---- stage A: u = floor(t * log2(e)) ----
        int lw = ExpUnit.LOG2E_FORMAT.width();
        UInt l2e = U(ExpUnit.LOG2E, lw);
        UInt u = t.times(l2e).shr(ExpUnit.LOG2E_FORMAT.fracBits());
        UInt uA = regNextWhen(u, en).named("sU");

        // ---- stage B: table, interpolation, shift ----
        int entryFrac = ExpUnit.ENTRY.fracBits(); // 17
        int rBits = tFrac - ExpUnit.STEP_BITS;
        int uw = uA.width();
        UInt n = uw > tFrac ? uA.slice(uw - 1, tFrac) : U(0, 1);
        UInt idx = uA.slice(tFrac - 1, tFrac - ExpUnit.STEP_BITS);
        UInt r = rBits > 0 ? uA.slice(rBits - 1, 0) : null;
        long[] table = ExpUnit.table();
        int steps = table.length - 1;
        long minD = 0;
        for (int i = 0; i < steps; i++) {
            minD = Math.min(minD, table[i + 1] - table[i]);
        }
        int tw = ExpUnit.ENTRY.width() + 1; // signed, holds T in [2^16, 2^17]
        int dw = signedWidth(minD);
        SInt tv = wireInit(S(0, tw)).named("tableT");
        SInt dv = wireInit(S(0, dw)).named("tableD");
        SwitchBuilder sw = switchOn(idx);
        for (int i = 0; i < steps; i++) {
            final long ti = table[i];
            final long di = table[i + 1] - ti;
            sw.is(i, () -> {
                tv.set(S(ti, tw));
                dv.set(S(di, dw));
            });
        }
        SInt interp = r == null ? tv : tv.plusExpand(dv.times(r.toSInt()).shr(rBits));
        // interp lies between T[i] and T[i+1]: in [2^16, 2^17], 18 unsigned bits
        UInt ev = interp.resize(entryFrac + 1).asUInt();
        int up = Math.max(0, probFrac - entryFrac);
        int down = Math.max(0, entryFrac - probFrac);
        UInt base = ev.shl(up);
        int bw = base.width();
        int sw2 = log2Up(bw + 1);
        Bool empty = n.width() >= 31 || (1L << n.width()) - 1 >= bw ? n.ge(bw) : B(false);
        UInt nLow = n.width() > sw2 ? n.resize(sw2) : n;
        UInt shifted = base.shr(nLow);
        UInt res = down > 0 ? shifted.shr(down) : shifted;
        UInt resW = res.resize(probFrac + 1);
        UInt out = mux(empty, U(0, probFrac + 1), resW);
        e.set(regNextWhen(out, en).named("sE"));
    }

    private static int signedWidth(long min) {
        int w = 1;
        while (min < -(1L << (w - 1))) {
            w++;
        }
        return w;
    }
}
