package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

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
 * The router's gate matrix-vector product: E multiply-accumulate lanes, one gate-input element per cycle, logits =
 * gate[task] x (acc format, products aligned by shifting, sums wrapping), narrowed to act with the profile's
 * rounding and overflow. The gate matrices sit in one memory, a word per (task, k) holding every expert's weight,
 * written from {@code weights} (always ready) and read one cycle ahead of the product (stage s1).
 *
 * <p>A token's first product loads the accumulators, so after its last product they hold its sums for one cycle:
 * {@code handoff} is high in the cycle the last product goes in, and {@code logits} (lane e = expert e) are valid
 * in the next. A token's last element waits in s1 (input not ready) until {@code accept}: the post-processing is
 * free to take it.
 */
public final class GateMac extends Module {
    public final Stream<GateInput> input;
    public final Stream<GateColumn> weights;
    public final Bool accept = in(Bool());
    public final Bool handoff = out(Bool());
    /** With {@code handoff}: the token is the layer's last. */
    public final Bool last = out(Bool());
    public final Vec<SInt> logits;
    private final Mem<Bits> gateWeights;

    public GateMac(RouterConfig cfg) {
        Formats f = cfg.formats();
        FixFormat act = f.act();
        FixFormat wFmt = f.weightLinear();
        FixFormat acc = f.acc();
        int experts = cfg.experts();
        int kb = cfg.indexBits();
        int wA = act.width();
        int accW = acc.width();
        int shift = act.fracBits() + wFmt.fracBits() - acc.fracBits();
        param("FORMATS", f.name());
        param("EXPERTS", experts);
        param("DIM", cfg.dim());
        param("TASKS", cfg.tasks());
        input = slave(new Stream<>(new GateInput(cfg)));
        weights = slave(new Stream<>(new GateColumn(cfg)));
        logits = out(Vec(experts, SInt(wA)));

        gateWeights = mem(Bits(experts * wFmt.width()), (1 << cfg.taskBits()) << kb);
        Mem<Bits> wmem = gateWeights;
        weights.ready.set(B(true));
        when(weights.valid, () -> wmem.write(cat(weights.payload.task, weights.payload.index).asUInt(),
                weights.payload.w.toBits()));

        // stage s1: the element, with its gate column read from the memory
        UInt kCnt = reg(UInt(kb)).init(0).named("kCnt");
        Bool s1Valid = reg(Bool()).init(false).named("s1Valid");
        SInt s1X = reg(SInt(wA)).init(0).named("s1X");
        Bool s1First = reg(Bool()).init(false).named("s1First");
        Bool s1End = reg(Bool()).init(false).named("s1End");
        Bool s1Last = reg(Bool()).init(false).named("s1Last");
        Bool stall = s1Valid.and(s1End).and(accept.not()).named("stall");
        input.ready.set(stall.not());
        Bool fire = input.fire().named("inFire");
        Vec<Fix> column = wire(Vec(experts, Fix(wFmt))).named("wrow");
        column.setFromBits(wmem.readSync(cat(input.payload.task, kCnt).asUInt(), fire));
        Bool atEnd = kCnt.eq(cfg.dim() - 1);
        when(fire, () -> kCnt.set(mux(atEnd, U(0, kb), kCnt.plus(1))));
        when(stall.not(), () -> {
            s1Valid.set(fire);
            s1X.set(input.payload.x.rawSInt());
            s1First.set(kCnt.eq(0));
            s1End.set(atEnd);
            s1Last.set(input.payload.last);
        });

        Bool macGo = s1Valid.and(stall.not()).named("macGo");
        for (int e = 0; e < experts; e++) {
            SInt a = reg(SInt(accW)).init(0).named("acc_" + e);
            SInt prod = s1X.times(column.get(e).rawSInt());
            SInt term = shift >= 0 ? prod.shr(shift) : prod.shl(-shift);
            SInt sum = mux(s1First, S(0, accW), a).plus(term.resize(accW)).named("accNext_" + e);
            when(macGo, () -> a.set(sum));
            // the acc-to-act conversion reads the register: valid in the cycle after the last product
            logits.get(e).set(Fix.fromRaw(acc, a).resize(act, f.rounding(), f.overflow()).rawSInt().named("logitConv_" + e));
        }
        handoff.set(macGo.and(s1End));
        last.set(s1Last);
    }
}
