package org.edgemoe.rtl.common;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.model.hw.ExpUnit;

/**
 * exp(-t) for t >= 0, bit-exact to {@link ExpUnit#expNeg}(t, tFrac, prob, rounding), the one exp lane of
 * the accelerator (streaming softmax, softmax normalise, MoE router, attention): u = rnd(t * L / 2^16)
 * (L = {@link ExpUnit#LOG2E}, UQ2.16), n = u >> F, the next 6 bits index a 65-entry UQ1.17 table of
 * 2^(-i/64) (case ROM of {T[i], T[i+1] - T[i]} pairs), the remaining F - 6 bits interpolate with a
 * floor, and the result is e * 2^(P-17) / 2^n written with P fraction bits; rnd (u and the result) is
 * {@code resize} with the given rounding (0 once the shift empties it).
 *
 * <p>Ports: {@code t} (raw unsigned, {@code tWidth} bits, {@code tFrac} fraction bits), {@code en}
 * (pipeline advance; tie high for a free-running lane), {@code e} (raw unsigned, P fraction bits, P + 1
 * bits: the value is in [0, 1]). {@code latency} register stages on {@code en}, without reset (data only:
 * the caller's valid bits carry the reset): 0 combinational; 1 on the output; 2 also after the log2(e)
 * product ({@code sU}); 3 also after the interpolation ({@code sInterp}, {@code sN}).
 */
public final class ExpNegLane extends Module {
    public final UInt t;
    public final Bool en;
    public final UInt e;
    public final int latency;

    public ExpNegLane(int tWidth, int tFrac, int probFrac, Rounding rounding, int latency) {
        if (tFrac < ExpUnit.STEP_BITS) {
            throw new IllegalArgumentException("exp input needs >= 6 fraction bits, got " + tFrac);
        }
        if (latency < 0 || latency > 3) {
            throw new IllegalArgumentException("exp lane latency must be 0 to 3, got " + latency);
        }
        this.latency = latency;
        param("T_WIDTH", tWidth);
        param("T_FRAC", tFrac);
        param("P", probFrac);
        param("ROUNDING", rounding.name());
        param("LATENCY", latency);
        t = in(UInt(tWidth));
        en = in(Bool());
        e = out(UInt(probFrac + 1));

        // ---- u = t * log2(e) ----
        int lw = ExpUnit.LOG2E_FORMAT.width();
        UInt prod = t.times(U(ExpUnit.LOG2E, lw));
        int lf = ExpUnit.LOG2E_FORMAT.fracBits();
        // u = rnd(t * L / 2^16): tFrac fraction bits (the product is far from its top: rounding never wraps)
        UInt u0 = Fix.fromRaw(FixFormat.ofWidth(false, prod.width(), lf), prod)
                .resize(FixFormat.ofWidth(false, prod.width() - lf, 0), rounding, Overflow.WRAP).rawUInt();
        UInt u = stage(u0.width() > tFrac ? u0 : u0.resize(tFrac + 1), latency >= 2, "sU");

        // ---- table, interpolation ----
        int entryFrac = ExpUnit.ENTRY.fracBits(); // 17
        int rBits = tFrac - ExpUnit.STEP_BITS;
        int uw = u.width();
        UInt n0 = u.slice(uw - 1, tFrac);
        UInt idx = u.slice(tFrac - 1, rBits);
        long[] table = ExpUnit.table();
        int steps = table.length - 1;
        long minD = 0;
        for (int i = 0; i < steps; i++) {
            minD = Math.min(minD, table[i + 1] - table[i]);
        }
        int tw = ExpUnit.ENTRY.width() + 1; // signed, holds T in [2^16, 2^17]
        int dw = FixFormat.signedWidth(minD, 0);
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
        SInt interp = rBits == 0 ? tv : tv.plusExpand(dv.times(u.slice(rBits - 1, 0).toSInt()).shr(rBits));
        // interp lies between T[i] and T[i+1]: in [2^16, 2^17], 18 unsigned bits
        UInt ev = stage(interp.resize(entryFrac + 1).asUInt(), latency >= 3, "sInterp");
        UInt n = stage(n0, latency >= 3, "sN");

        // ---- e * 2^-n with the 17 table fraction bits (one more than P when rounding needs it), then
        // written with P fraction bits ----
        int keep = Math.max(entryFrac, rounding == Rounding.TRUNCATE ? probFrac : probFrac + 1);
        UInt base = ev.shl(keep - entryFrac);
        int bw = base.width();
        int sa = log2Up(bw + 1);
        Bool empty = n.width() >= 31 || (1L << n.width()) - 1 >= bw ? n.ge(bw) : B(false);
        UInt shifted = base.shr(n.width() > sa ? n.resize(sa) : n);
        Fix exact = Fix.fromRaw(FixFormat.ofWidth(false, bw, keep), shifted);
        // the value is at most 1.0, so the P + 1 bits never wrap
        UInt res = exact.resize(FixFormat.ofWidth(false, probFrac + 1, probFrac), rounding, Overflow.WRAP).rawUInt();
        e.set(stage(mux(empty, U(0, probFrac + 1), res), latency >= 1, "sE"));
    }

    private <T extends Data> T stage(T v, boolean registered, String name) {
        return registered ? regNextWhen(v, en).named(name) : v;
    }
}
