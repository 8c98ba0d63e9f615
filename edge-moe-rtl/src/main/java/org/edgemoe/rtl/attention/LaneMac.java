package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * The multiply-accumulate datapath of one query lane (the PE of the engine): L multipliers shared by the
 * two phases. Holds the lane's query row ({@code qLoad} writes beat {@code qPart} of it).
 *
 * <p>On a cycle with {@code en}, the S0 operands are multiplied and registered (S1): in the Q.K^T phase
 * ({@code qk} high) query elements part*L + i times the K beat {@code data}, in the A.V phase the lane's
 * probability {@code prob} times the V beat. S1 -> S2: Q.K^T products are aligned to the accumulator
 * (floor, {@link AttnConfig#scoreShift()}), wrapped, summed by an adder tree and registered ({@code tree});
 * A.V products are aligned ({@link AttnConfig#outShift()}) and added into the accumulators
 * {@code acc[part*L + i]} when {@code accEn} was high ({@code accFirst}: the row's first key, which
 * replaces instead of adding). Every sum wraps at the accumulator width, like the golden model's.
 */
public final class LaneMac extends Module {
    public final Bool en = in(Bool());
    public final Bool qLoad = in(Bool());
    public final UInt qPart;
    public final Vec<SInt> qBeat;
    public final Bool qk = in(Bool());
    public final UInt part;
    public final Vec<SInt> data;
    public final UInt prob;
    public final Bool accEn = in(Bool());
    public final Bool accFirst = in(Bool());
    public final SInt tree;
    public final Vec<SInt> acc;

    public LaneMac(AttnConfig cfg) {
        int aw = cfg.actWidth();
        int accW = cfg.accWidth();
        int ow = cfg.opWidth();
        int l = cfg.beat();
        int parts = cfg.parts();
        param("ACT", cfg.act().toString());
        param("ACC", cfg.acc().toString());
        param("L", l);
        param("PARTS", parts);
        qPart = in(UInt(cfg.partWidth()));
        qBeat = in(Vec(l, SInt(aw)));
        part = in(UInt(cfg.partWidth()));
        data = in(Vec(l, SInt(aw)));
        prob = in(UInt(cfg.probFrac() + 1));
        tree = out(SInt(accW));
        acc = out(Vec(cfg.headDim(), SInt(accW)));

        Vec<SInt> q = reg(Vec(cfg.headDim(), SInt(aw))).named("q");
        for (int p = 0; p < parts; p++) {
            final int pp = p;
            Bool hit = parts == 1 ? qLoad : qLoad.and(qPart.eq(U(p, cfg.partWidth())));
            when(hit, () -> {
                for (int i = 0; i < l; i++) {
                    q.get(pp * l + i).set(qBeat.get(i));
                }
            });
        }
        // ---- S0 -> S1: operand select, multiply ----
        SInt pv = prob.toSInt().resize(ow);
        List<SInt> prod = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            SInt qi = q.get(i);
            if (parts > 1) {
                SInt sel = wire(SInt(aw)).named("qSel_" + i);
                sel.set(q.get(i));
                for (int p = 1; p < parts; p++) {
                    final SInt e = q.get(p * l + i);
                    when(part.eq(U(p, cfg.partWidth())), () -> sel.set(e));
                }
                qi = sel;
            }
            SInt a = mux(qk, qi.resize(ow), pv);
            prod.add(regNextWhen(a.times(data.get(i).resize(ow)), en).named("prod_" + i));
        }
        Bool acc1 = reg(Bool()).init(false).named("accEn1");
        when(en, () -> acc1.set(accEn));
        Bool first1 = regNextWhen(accFirst, en).named("accFirst1");
        UInt part1 = regNextWhen(part, en).named("part1");

        // ---- S1 -> S2: Q.K^T adder tree / A.V accumulate ----
        List<SInt> terms = new ArrayList<>();
        for (SInt pr : prod) {
            terms.add(floorShift(pr, cfg.scoreShift()).resize(accW));
        }
        while (terms.size() > 1) {
            List<SInt> next = new ArrayList<>();
            for (int i = 0; i + 1 < terms.size(); i += 2) {
                next.add(terms.get(i).plus(terms.get(i + 1)));
            }
            if (terms.size() % 2 == 1) {
                next.add(terms.get(terms.size() - 1));
            }
            terms = next;
        }
        tree.set(regNextWhen(terms.get(0), en).named("treeSum"));

        Vec<SInt> a = reg(Vec(cfg.headDim(), SInt(accW))).named("accRow");
        for (int p = 0; p < parts; p++) {
            final int pp = p;
            Bool hit = en.and(acc1);
            if (parts > 1) {
                hit = hit.and(part1.eq(U(p, cfg.partWidth())));
            }
            when(hit, () -> {
                for (int i = 0; i < l; i++) {
                    SInt term = floorShift(prod.get(i), cfg.outShift()).resize(accW);
                    SInt old = a.get(pp * l + i);
                    old.set(mux(first1, term, old.plus(term)));
                }
            });
        }
        acc.set(a);
    }

    /** floor(v / 2^shift); a negative shift is an exact left shift. */
    static SInt floorShift(SInt v, int shift) {
        if (shift > 0) {
            return v.shr(shift);
        }
        return shift < 0 ? v.shl(-shift) : v;
    }
}
