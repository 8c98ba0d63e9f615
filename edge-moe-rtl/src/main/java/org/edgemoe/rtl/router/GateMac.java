package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;

/**
 * The router's gate matrix-vector product: E multiply-accumulate lanes over L gate-input elements a cycle (L = the
 * config's input lanes), logits = gate[task] x (acc format, products aligned by shifting, sums wrapping), narrowed
 * to act with the profile's rounding and overflow. The gate matrices sit in L memories, memory j holding the
 * columns k = b L + j, a word per (task, b) with every expert's weight, written from {@code weights} (always
 * ready) and read one cycle ahead of the product (stage s1). Stage s2 holds, per expert, the sum of the beat's L
 * aligned products (wrapping at the acc width, so the sum is the one-element-a-cycle sum whatever L); the
 * accumulators add it.
 *
 * <p>A token's first beat loads the accumulators, so after its last beat they hold its sums for one cycle:
 * {@code handoff} is high in the cycle the last beat goes in, and {@code logits} (lane e = expert e) are valid
 * in the next. A token's last beat waits in s2 (the pipeline stalls, input not ready) until {@code accept}: the
 * post-processing is free to take it.
 */
public final class GateMac extends Module {
    public final Stream<GateInput> input;
    public final Stream<GateColumn> weights;
    public final Bool accept = in(Bool());
    public final Bool handoff = out(Bool());
    /** With {@code handoff}: the token is the layer's last. */
    public final Bool last = out(Bool());
    public final Vec<SInt> logits;

    public GateMac(RouterConfig cfg) {
        Formats f = cfg.formats();
        FixFormat act = f.act();
        FixFormat wFmt = f.weightLinear();
        FixFormat acc = f.acc();
        int experts = cfg.experts();
        int lanes = cfg.inputLanes();
        int lb = Integer.numberOfTrailingZeros(lanes);
        int kb = cfg.indexBits();
        int bb = cfg.beatBits();
        int wA = act.width();
        int accW = acc.width();
        int shift = act.fracBits() + wFmt.fracBits() - acc.fracBits();
        param("FORMATS", f.name());
        param("EXPERTS", experts);
        param("DIM", cfg.dim());
        param("TASKS", cfg.tasks());
        param("LANES", lanes);
        input = slave(new Stream<>(new GateInput(cfg)));
        weights = slave(new Stream<>(new GateColumn(cfg)));
        logits = out(Vec(experts, SInt(wA)));

        // ---- the gate matrices: column k in memory k mod L, word k / L ----
        weights.ready.set(B(true));
        UInt wIndex = weights.payload.index;
        UInt wBeat = (lb == 0 ? wIndex : wIndex.shr(lb)).resize(bb).named("wBeat");
        UInt kCnt = reg(UInt(bb)).init(0).named("kCnt");
        Bool s2Valid = reg(Bool()).init(false).named("s2Valid");
        Bool s2End = reg(Bool()).init(false).named("s2End");
        Bool stall = s2Valid.and(s2End).and(accept.not()).named("stall");
        input.ready.set(stall.not());
        Bool fire = input.fire().named("inFire");
        List<Vec<Fix>> column = new ArrayList<>();
        for (int j = 0; j < lanes; j++) {
            Mem<Bits> wmem = mem(Bits(experts * wFmt.width()), (1 << cfg.taskBits()) << bb).named("gateWeights_" + j);
            Bool mine = lb == 0 ? B(true) : wIndex.resize(lb).eq(j);
            when(weights.valid.and(mine), () -> wmem.write(cat(weights.payload.task, wBeat).asUInt(), weights.payload.w.toBits()));
            Vec<Fix> col = wire(Vec(experts, Fix(wFmt))).named("wrow_" + j);
            col.setFromBits(wmem.readSync(cat(input.payload.task, kCnt).asUInt(), fire));
            column.add(col);
        }

        // ---- stage s1: the beat's elements, with their gate columns read from the memories ----
        Bool s1Valid = reg(Bool()).init(false).named("s1Valid");
        Vec<SInt> s1X = reg(Vec(lanes, SInt(wA))).named("s1X");
        Bool s1First = reg(Bool()).init(false).named("s1First");
        Bool s1End = reg(Bool()).init(false).named("s1End");
        Bool s1Last = reg(Bool()).init(false).named("s1Last");
        Bool atEnd = kCnt.eq(cfg.beatsPerToken() - 1);
        when(fire, () -> kCnt.set(mux(atEnd, U(0, bb), kCnt.plus(1))));
        when(stall.not(), () -> {
            s1Valid.set(fire);
            for (int j = 0; j < lanes; j++) {
                s1X.get(j).set(input.payload.x.get(j).rawSInt());
            }
            s1First.set(kCnt.eq(0));
            s1End.set(atEnd);
            s1Last.set(input.payload.last);
        });

        // ---- stage s2: per expert, the sum of the beat's L aligned products ----
        Bool s2First = reg(Bool()).init(false).named("s2First");
        Bool s2Last = reg(Bool()).init(false).named("s2Last");
        Vec<SInt> s2Sum = reg(Vec(experts, SInt(accW))).named("s2Sum");
        when(stall.not(), () -> {
            s2Valid.set(s1Valid);
            s2First.set(s1First);
            s2End.set(s1End);
            s2Last.set(s1Last);
            for (int e = 0; e < experts; e++) {
                List<SInt> terms = new ArrayList<>();
                for (int j = 0; j < lanes; j++) {
                    SInt prod = s1X.get(j).times(column.get(j).get(e).rawSInt());
                    terms.add((shift >= 0 ? prod.shr(shift) : prod.shl(-shift)).resize(accW));
                }
                s2Sum.get(e).set(sumTree(terms));
            }
        });

        Bool macGo = s2Valid.and(stall.not()).named("macGo");
        for (int e = 0; e < experts; e++) {
            SInt a = reg(SInt(accW)).init(0).named("acc_" + e);
            SInt sum = mux(s2First, S(0, accW), a).plus(s2Sum.get(e)).named("accNext_" + e);
            when(macGo, () -> a.set(sum));
            // the acc-to-act conversion reads the register: valid in the cycle after the last beat
            logits.get(e).set(Fix.fromRaw(acc, a).resize(act, f.rounding(), f.overflow()).rawSInt().named("logitConv_" + e));
        }
        handoff.set(macGo.and(s2End));
        last.set(s2Last);
    }
}
