package org.edgemoe.rtl.gelu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.GeluModel;

/**
 * One GELU datapath, bit-exact to {@link GeluModel#gelu} (golden model): y = relu(x) - delta(|x|) with
 * delta read from a correction table (SQ-1.19) and linearly interpolated with a floor, the exact
 * difference then written to the output format with the profile's rounding and overflow.
 *
 * <p>Combinational ({@code pipelined = false}: ports {@code x}, {@code y}) or with two register
 * stages ({@code pipelined = true}: extra input {@code en}; {@link #LATENCY} = 2 enabled cycles from
 * x to y; stage 1 after the table read, stage 2 on the output), for use inside other modules such as a
 * compute unit's fused GELU. The table is a case ROM of {T[i], T[i+1] - T[i]} pairs (one read per lane).
 */
public final class GeluLane extends Module {
    /** Enabled cycles from {@code x} to {@code y} when pipelined. */
    public static final int LATENCY = 2;

    public final Fix x;
    /** Pipeline advance (only when pipelined, else null). */
    public final Bool en;
    public final Fix y;

    /** Published table, act format in and out. */
    public GeluLane(Formats f, boolean pipelined) {
        this(f, f.act(), f.act(), GeluTable.published(), pipelined);
    }

    public GeluLane(Formats f, FixFormat inFormat, FixFormat outFormat, GeluTable table, boolean pipelined) {
        int stepBits = table.stepBits();
        int frac = inFormat.fracBits();
        int w = inFormat.width();
        int rBits = frac - stepBits;
        if (rBits < 0) {
            throw new IllegalArgumentException("GELU input needs >= " + stepBits + " fraction bits, got " + inFormat);
        }
        if (rBits >= w) {
            throw new IllegalArgumentException("GELU input " + inFormat + " has no integer bits to index the table");
        }
        param("IN", inFormat.toString());
        param("OUT", outFormat.toString());
        param("ROUNDING", f.rounding().name());
        param("OVERFLOW", f.overflow().name());
        param("STEP_BITS", stepBits);
        param("ENTRIES", table.entries());
        param("PIPELINED", pipelined ? 1 : 0);
        x = in(Fix(inFormat));
        en = pipelined ? in(Bool()) : null;
        y = out(Fix(outFormat));

        // ---- stage A: |x|, index / remainder split, table read, relu ----
        UInt t;
        SInt relu;
        if (inFormat.signed()) {
            SInt xr = x.rawSInt();
            Bool neg = xr.msb();
            // |x| in w unsigned bits (the most negative value gives 2^(w-1), still exact)
            t = mux(neg, xr.neg(), xr).asUInt();
            relu = mux(neg, S(0, w), xr);
        } else {
            t = x.rawUInt();
            relu = t.toSInt();
        }
        UInt idxFull = t.shr(rBits);
        int limit = table.limit();
        int aw = log2Up(limit);
        Bool inTable = idxFull.width() >= 63 || (1L << idxFull.width()) - 1 >= limit
                ? idxFull.lt(limit) : B(true);
        UInt idx = idxFull.resize(aw); // low bits: only read when inTable
        long minT = 0, maxT = 0, minD = 0, maxD = 0;
        for (int i = 0; i < limit; i++) {
            long d = table.value(i + 1) - table.value(i);
            minT = Math.min(minT, table.value(i));
            maxT = Math.max(maxT, table.value(i));
            minD = Math.min(minD, d);
            maxD = Math.max(maxD, d);
        }
        int tw = FixFormat.signedWidth(minT, maxT);
        int dw = FixFormat.signedWidth(minD, maxD);
        SInt tv = wireInit(S(0, tw)).named("tableT");
        SInt dv = wireInit(S(0, dw)).named("tableD");
        when(inTable, () -> {
            SwitchBuilder sw = switchOn(idx);
            for (int i = 0; i < limit; i++) {
                final long ti = table.value(i);
                final long di = table.value(i + 1) - ti;
                sw.is(i, () -> {
                    tv.set(S(ti, tw));
                    dv.set(S(di, dw));
                });
            }
        });
        UInt r = rBits > 0 ? t.slice(rBits - 1, 0) : null;

        SInt tA = stage(tv, pipelined).named("sT");
        SInt dA = stage(dv, pipelined).named("sD");
        UInt rA = r == null ? null : stage(r, pipelined).named("sR");
        SInt reluA = stage(relu, pipelined).named("sRelu");

        // ---- stage B: delta = T + floor(D * r / 2^rBits), y = relu - delta, narrowing ----
        SInt delta;
        if (rA != null) {
            SInt prod = dA.times(rA.toSInt());
            SInt corr = prod.shr(rBits);
            delta = tA.plusExpand(corr);
        } else {
            delta = tA;
        }
        int g = Math.max(frac, GeluModel.ENTRY.fracBits());
        SInt a = reluA.shl(g - frac);
        SInt b = delta.shl(g - GeluModel.ENTRY.fracBits());
        int yw = Math.max(a.width(), b.width()) + 1;
        SInt diff = a.resize(yw).minus(b.resize(yw));
        Fix exact = Fix.fromRaw(FixFormat.sfix(yw - g, g), diff);
        Fix narrowed = exact.resize(outFormat, f.rounding(), f.overflow());
        y.set(stage(narrowed, pipelined));
    }

    private <T extends org.edgemoe.hdl.core.Data> T stage(T v, boolean pipelined) {
        return pipelined ? regNextWhen(v, en) : v;
    }
}
