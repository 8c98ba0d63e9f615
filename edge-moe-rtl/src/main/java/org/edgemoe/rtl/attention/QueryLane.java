package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.rtl.common.ExpNegLane;
import org.edgemoe.rtl.softmax.StreamingSoftmax;

/**
 * One query lane: the lane's {@link LaneMac}, its row's online-softmax state (a one-row
 * {@link StreamingSoftmax}: the softmax block's statistics logic), its score store (T_max words, written
 * once, read once) and the fused normalisation p = exp(max - s) * (1/sum) on the shared {@link ExpNegLane}.
 *
 * <p>Lane {@code index} of a block takes part in key beats kc = index .. index + T - 1 (its window): the
 * first beat loads its query, each window key's score goes to the store (address = key) and to the
 * softmax pass, the last one ends the row. In the A.V phase it accumulates p x V over the same window.
 * Lanes o &gt;= nq (a short last block) sit the block out.
 * Q.K^T pipeline (under {@code en}): S0 operands, S1 products, S2 tree, S3 row sum over the beats of a
 * key, S4 score (x 1/8, narrowed to act with the profile's rounding and overflow). Probability path (never
 * stalls, 5 cycles): {@code pIssue} for key beat {@code pKc} reads the store at {@code pKey}; the beat
 * kc = index latches the row's {invSum, max}; t = max - s; exp(-t); p = rnd(e * invSum / 2^P) (the profile's rounding).
 */
public final class QueryLane extends Module {
    public static final int PROB_LATENCY = 5;
    public final UInt index;
    public final Bool en = in(Bool());
    public final Bool fireQk = in(Bool());
    public final UInt kcF;
    public final UInt partF;
    public final Vec<SInt> qBeat;
    public final Bool s0Valid = in(Bool());
    public final Bool s0Qk = in(Bool());
    public final UInt s0Kc;
    public final UInt s0Part;
    public final UInt s0Key;
    public final UInt s0Tokens;
    public final UInt s0Nq;
    public final Vec<SInt> s0Data;
    public final UInt s0Prob;
    public final Bool pIssue = in(Bool());
    public final UInt pKc;
    public final UInt pKey;
    public final Bool release = in(Bool());
    public final Bool ready = out(Bool());
    public final Bool statsValid = out(Bool());
    public final UInt prob;
    public final Vec<SInt> acc;
    public final Bool full = out(Bool());

    public QueryLane(AttnConfig cfg) {
        int aw = cfg.actWidth();
        int kw = cfg.kcWidth();
        int cw = cfg.countWidth();
        int pf = cfg.probFrac();
        param("PROFILE", cfg.formats().name());
        param("L", cfg.beat());
        param("T_MAX", cfg.tMax());
        index = in(UInt(cfg.laneWidth()));
        kcF = in(UInt(kw));
        partF = in(UInt(cfg.partWidth()));
        qBeat = in(Vec(cfg.beat(), SInt(aw)));
        s0Kc = in(UInt(kw));
        s0Part = in(UInt(cfg.partWidth()));
        s0Key = in(UInt(cfg.tokenWidth()));
        s0Tokens = in(UInt(cw));
        s0Nq = in(UInt(cfg.nqWidth()));
        s0Data = in(Vec(cfg.beat(), SInt(aw)));
        s0Prob = in(UInt(pf + 1));
        pKc = in(UInt(kw));
        pKey = in(UInt(cfg.tokenWidth()));
        prob = out(UInt(pf + 1));
        acc = out(Vec(cfg.headDim(), SInt(cfg.accWidth())));

        // ---- S0: window of this lane ----
        int dw = Math.max(kw, cw) + 1;
        UInt idx = index.resize(dw);
        Bool early = s0Kc.resize(dw).lt(idx).named("early");
        UInt d = s0Kc.resize(dw).minus(idx).named("d");
        UInt t = s0Tokens.resize(dw);
        Bool active = index.resize(cfg.nqWidth() + 1).lt(s0Nq.resize(cfg.nqWidth() + 1)).named("active");
        Bool inWin = active.and(early.not()).and(d.lt(t)).named("inWin");
        Bool firstW = inWin.and(d.eq(U(0, dw))).named("firstW");
        Bool lastW = inWin.and(d.eq(t.minus(U(1, dw)))).named("lastW");
        Bool partFirst = cfg.parts() == 1 ? B(true) : s0Part.eq(U(0, cfg.partWidth()));
        Bool partLast = cfg.parts() == 1 ? B(true) : s0Part.eq(U(cfg.parts() - 1, cfg.partWidth()));

        LaneMac mac = instance(new LaneMac(cfg));
        mac.en.set(en);
        mac.qLoad.set(fireQk.and(kcF.eq(index.resize(kw))));
        mac.qPart.set(partF);
        mac.qBeat.set(qBeat);
        mac.qk.set(s0Qk);
        mac.part.set(s0Part);
        mac.data.set(s0Data);
        mac.prob.set(s0Prob);
        mac.accEn.set(s0Valid.and(s0Qk.not()).and(inWin));
        mac.accFirst.set(firstW);
        acc.set(mac.acc);

        // ---- S1 .. S4: score of each window key ----
        Bool v1 = validReg(s0Valid.and(s0Qk).and(inWin), "v1");
        Bool v2 = validReg(v1, "v2");
        Bool first2 = regNextWhen(regNextWhen(partFirst, en), en).named("partFirst2");
        Bool plast2 = regNextWhen(regNextWhen(partLast, en), en).named("partLast2");
        Bool last2 = regNextWhen(regNextWhen(lastW, en), en).named("last2");
        UInt key2 = regNextWhen(regNextWhen(s0Key, en), en).named("key2");
        SInt dot = reg(SInt(cfg.accWidth())).named("dot");
        when(en.and(v2), () -> dot.set(mux(first2, mac.tree, dot.plus(mac.tree))));
        Bool v3 = validReg(v2.and(plast2), "v3");
        Bool last3 = regNextWhen(last2, en).named("last3");
        UInt key3 = regNextWhen(key2, en).named("key3");
        Fix scoreFix = Fix.fromRaw(cfg.scaledAcc(), dot).resize(cfg.act(), cfg.formats().rounding(), cfg.formats().overflow());
        SInt score = regNextWhen(scoreFix.rawSInt(), en).named("score");
        Bool v4 = validReg(v3, "v4");
        Bool last4 = regNextWhen(last3, en).named("last4");
        UInt key4 = regNextWhen(key3, en).named("key4");
        Mem<SInt> store = mem(SInt(aw), cfg.tMax());
        when(en.and(v4), () -> store.write(key4, score));

        StreamingSoftmax stats = instance(new StreamingSoftmax(cfg.formats(), cfg.act(), 1, cfg.divSteps()));
        stats.input.valid.set(v4.and(en));
        stats.input.payload.score.get(0).set(Fix.fromRaw(cfg.act(), score));
        stats.input.payload.last.set(last4);
        ready.set(stats.input.ready);
        statsValid.set(stats.output.valid);

        // ---- A.V: row complete, drained ----
        Bool fullR = reg(Bool()).init(false).named("fullR");
        Bool done1 = validReg(s0Valid.and(s0Qk.not()).and(lastW).and(partLast), "done1");
        when(release, () -> fullR.set(false));
        when(en.and(done1), () -> fullR.set(true));
        full.set(fullR);

        // ---- probability path ----
        Bool latch = pIssue.and(pKc.eq(index.resize(kw))).named("latch");
        stats.output.ready.set(latch);
        SInt maxL = regNextWhen(stats.output.payload.max.get(0).rawSInt(), latch).named("maxL");
        UInt invL = regNextWhen(stats.output.payload.invSum.get(0).rawSInt().resize(pf + 1).asUInt(), latch).named("invL");
        SInt s = store.readSync(pKey);
        UInt tArg = regNext(maxL.minusExpand(s).resize(aw).asUInt()).named("tArg");
        ExpNegLane exp = instance(new ExpNegLane(aw, cfg.act().fracBits(), pf, cfg.formats().rounding(), 2));
        exp.t.set(tArg);
        exp.en.set(B(true));
        // rnd(e * invSum / 2^P) with the profile's rounding (SoftmaxUnit), at most 2^P: never wraps
        UInt pe = exp.e.times(invL);
        prob.set(regNext(Fix.fromRaw(FixFormat.ofWidth(false, pe.width(), pf), pe)
                .resize(FixFormat.ofWidth(false, pf + 1, 0), cfg.formats().rounding(), Overflow.WRAP).rawUInt())
                .named("probR"));
    }

    private Bool validReg(Bool next, String name) {
        Bool r = reg(Bool()).init(false).named(name);
        when(en, () -> r.set(next));
        return r;
    }
}
