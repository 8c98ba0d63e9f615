package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.model.hw.ExpUnit;

/**
 * Combinational exp(-t) exactly as {@link ExpUnit#expNeg}: u = floor(t * 94548 / 2^16);
 * n = u >> F; i = 6 bits below; r = the F-6 low bits; e = T[i] + floor(D[i] * r / 2^(F-6)) with
 * D[i] = T[i+1] - T[i]; result floor(e * 2^-(17 + n - P)). Built inline in the calling module.
 */
final class ExpNegLogic {
    private ExpNegLogic() {
    }

    /** Width of the result for {@code probFrac} fraction bits: 18 + max(0, P - 17) - max(0, 17 - P). */
    static int outWidth(int probFrac) {
        int c = ExpUnit.ENTRY.fracBits() - probFrac;
        return ExpUnit.ENTRY.width() + Math.max(0, -c) - Math.max(0, c);
    }

    /** Register stages of {@link #expNegPiped}: the result is valid this many cycles after {@code t}. */
    static final int STAGES = 3;

    /** exp(-t) for unsigned raw t with {@code tFrac} fraction bits, raw with {@code probFrac} fraction bits. */
    static UInt expNeg(UInt t, int tFrac, int probFrac) {
        return expNeg(t, tFrac, probFrac, false);
    }

    /**
     * {@link #expNeg(UInt, int, int)} with {@link #STAGES} free-running registers (no enable, no reset):
     * after the log2(e) product (u, n), after the interpolation (e, n) and on the result. Same value,
     * {@code STAGES} cycles later.
     */
    static UInt expNegPiped(UInt t, int tFrac, int probFrac) {
        return expNeg(t, tFrac, probFrac, true);
    }

    private static <T extends org.edgemoe.hdl.core.Data> T stage(T v, boolean piped, String name) {
        return piped ? regNext(v).named(name) : v;
    }

    private static UInt expNeg(UInt t, int tFrac, int probFrac, boolean piped) {
        if (tFrac < ExpUnit.STEP_BITS) {
            throw new IllegalArgumentException("exp input needs >= 6 fraction bits");
        }
        long[] table = ExpUnit.table();
        int entryW = ExpUnit.ENTRY.width();
        UInt prod = t.times(U(ExpUnit.LOG2E, ExpUnit.LOG2E_FORMAT.width()));
        UInt u0 = prod.shr(ExpUnit.LOG2E_FORMAT.fracBits());
        if (u0.width() <= tFrac) {
            u0 = u0.resize(tFrac + 1);
        }
        UInt u = stage(u0, piped, "expU");
        UInt n = u.shr(tFrac);
        int rBits = tFrac - ExpUnit.STEP_BITS;
        UInt idx = u.slice(tFrac - 1, rBits);
        int steps = 1 << ExpUnit.STEP_BITS;
        Vec<UInt> base = wire(Vec(steps, UInt(entryW)));
        int dW = 2;
        for (int i = 0; i < steps; i++) {
            long d = table[i + 1] - table[i];
            while (d < -(1L << (dW - 1)) || d >= (1L << (dW - 1))) {
                dW++;
            }
        }
        Vec<SInt> delta = wire(Vec(steps, SInt(dW)));
        for (int i = 0; i < steps; i++) {
            base.get(i).set(U(table[i], entryW));
            delta.get(i).set(S(table[i + 1] - table[i], dW));
        }
        UInt e0;
        if (rBits == 0) {
            e0 = base.read(idx);
        } else {
            SInt r = u.slice(rBits - 1, 0).toSInt();
            SInt interp = delta.read(idx).times(r).shr(rBits);
            int w = Math.max(interp.width(), entryW + 1);
            e0 = base.read(idx).toSInt().resize(w).plus(interp.resize(w)).asUInt().resize(entryW);
        }
        UInt e = stage(e0, piped, "expE");
        UInt nE = stage(n, piped, "expN");
        int c = ExpUnit.ENTRY.fracBits() - probFrac;
        UInt scaled = e.shl(Math.max(0, -c));
        if (c > 0) {
            scaled = scaled.shr(c);
        }
        int w = scaled.width();
        int aw = log2Up(w);
        UInt shifted = scaled.shr(nE.resize(aw));
        int cw = Math.max(nE.width(), aw) + 1;
        Bool big = nE.resize(cw).ge(U(w, cw));
        return stage(mux(big, U(0, w), shifted), piped, "expOut");
    }
}
