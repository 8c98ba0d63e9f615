package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.common.ExpNegLane;

/**
 * MoE expert router: gate matrix-vector product, online softmax, top-k, per-token routing output and
 * per-expert token queues drained after each layer. Bit-exact with
 * {@link org.edgemoe.model.hw.GateRouting} (HwModel's routing). See docs/blocks/moe-router.md.
 *
 * <p>Payloads are packed bit vectors (LSB first):
 * <ul>
 * <li>{@code input}: x (act raw, wA) | task (tb) | last (1): one gate-input element per beat, K beats
 * per token in order k = 0..K-1; task must be constant over a token; {@code last} is sampled on the
 * token's final element and marks the layer's last token (the drain follows it).</li>
 * <li>{@code weights}: w[0] .. w[E-1] (weightLinear raw, wW each, w[e] = gate[task][e][index]) | index
 * (kb) | task (tb). Always ready; one gate column per beat.</li>
 * <li>{@code route}: score[0] .. score[k-1] (prob raw, wP each) | expert[0] .. expert[k-1] (eb each) |
 * token (qb) | last (1), one beat per token, best expert first.</li>
 * <li>{@code drain}: score (wP) | token (qb) | expert (eb) | count (cb) | header (1) | last (1).</li>
 * </ul>
 */
public final class MoeRouter extends Module {
    public final Formats formats;
    public final int experts;
    public final int dim;
    public final int tasks;
    public final int topK;
    public final int queueDepth;

    public final int wA;
    public final int wW;
    public final int wP;
    public final int eb;
    public final int kb;
    public final int tb;
    public final int qb;
    public final int cb;

    public final Stream<Bits> input;
    public final Stream<Bits> weights;
    public final Stream<Bits> route;
    public final Stream<Bits> drain;
    /** Bit e set when expert e's queue is non-empty (queues of the layer being routed or drained). */
    public final Bits nonEmpty;
    private final Mem<Bits> gateWeights;
    private final Mem<Bits> queues;

    /** Register stages of the shared exp lane (free running). */
    static final int EXP_LATENCY = 3;

    private static final int S_IDLE = 0;
    private static final int S_CONV = 1;
    private static final int S_SOFTMAX = 2;
    private static final int S_SUM = 3;
    private static final int S_DIV = 4;
    private static final int S_PROB = 5;
    private static final int S_EMIT = 6;
    private static final int S_DSTART = 7;
    private static final int S_DRAIN = 8;

    /** Default: dsp18 formats, 16 experts, 192 inputs, 2 tasks, top-2, queues of 256 (197 tokens). */
    public MoeRouter() {
        this(Formats.dsp18(), 16, 192, 2, 2, 256);
    }

    public MoeRouter(Formats f, int experts, int dim, int tasks, int topK, int queueDepth) {
        if (experts < 2 || experts > 256 || topK < 1 || topK > experts || dim < 1 || tasks < 1 || queueDepth < 1) {
            throw new IllegalArgumentException("bad router parameters");
        }
        this.formats = f;
        this.experts = experts;
        this.dim = dim;
        this.tasks = tasks;
        this.topK = topK;
        this.queueDepth = queueDepth;
        FixFormat act = f.act();
        FixFormat wFmt = f.weightLinear();
        FixFormat acc = f.acc();
        FixFormat prob = f.prob();
        wA = act.width();
        wW = wFmt.width();
        wP = prob.width();
        int fA = act.fracBits();
        int p = prob.fracBits();
        if (wP < p + 2) {
            throw new IllegalArgumentException("prob format must hold 1.0");
        }
        eb = log2Up(experts);
        kb = log2Up(dim);
        tb = log2Up(tasks);
        qb = log2Up(queueDepth);
        cb = log2Up(queueDepth + 1);
        param("FORMATS", f.name());
        param("EXPERTS", experts);
        param("DIM", dim);
        param("TASKS", tasks);
        param("TOPK", topK);
        param("QUEUE_DEPTH", queueDepth);

        input = slave(new Stream<>(Bits(wA + tb + 1)));
        weights = slave(new Stream<>(Bits(experts * wW + kb + tb)));
        route = master(new Stream<>(Bits(topK * wP + topK * eb + qb + 1)));
        drain = master(new Stream<>(Bits(wP + qb + eb + cb + 2)));
        nonEmpty = out(Bits(experts));

        // ---------------- gate weights: one word per (task, k) holding all experts' weights
        gateWeights = mem(Bits(experts * wW), (1 << tb) << kb);
        Mem<Bits> wmem = gateWeights;
        weights.ready.set(B(true));
        when(weights.valid, () -> wmem.write(cat(weights.payload.slice(experts * wW + kb + tb - 1, experts * wW + kb),
                weights.payload.slice(experts * wW + kb - 1, experts * wW)).asUInt(),
                weights.payload.slice(experts * wW - 1, 0)));

        // ---------------- MAC stage: 16 lanes, one element per cycle
        UInt state = reg(UInt(4)).init(S_IDLE).named("state");
        UInt kCnt = reg(UInt(kb)).init(0).named("kCnt");
        Bool s1Valid = reg(Bool()).init(false).named("s1Valid");
        SInt s1X = reg(SInt(wA)).init(0).named("s1X");
        Bool s1First = reg(Bool()).init(false).named("s1First");
        Bool s1End = reg(Bool()).init(false).named("s1End");
        Bool s1Last = reg(Bool()).init(false).named("s1Last");
        Bool stall = s1Valid.and(s1End).and(state.ne(S_IDLE)).named("stall");
        input.ready.set(stall.not());
        Bool fire = input.fire().named("inFire");
        UInt inTask = input.payload.slice(wA + tb - 1, wA).asUInt();
        Bits wrow = wmem.readSync(cat(inTask, kCnt).asUInt(), fire).named("wrow");
        Bool atEnd = kCnt.eq(dim - 1);
        when(fire, () -> kCnt.set(mux(atEnd, U(0, kb), kCnt.plus(1))));
        when(stall.not(), () -> {
            s1Valid.set(fire);
            s1X.set(input.payload.slice(wA - 1, 0).asSInt());
            s1First.set(kCnt.eq(0));
            s1End.set(atEnd);
            s1Last.set(input.payload.bit(wA + tb));
        });

        int accW = acc.width();
        int shift = fA + wFmt.fracBits() - acc.fracBits();
        FixFormat accFix = acc;
        FixFormat actFix = act;
        Rounding rnd = f.rounding();
        Overflow ovf = f.overflow();
        List<SInt> logitsConv = new ArrayList<>();
        Bool macGo = s1Valid.and(stall.not()).named("macGo");
        for (int e = 0; e < experts; e++) {
            // the first product of a token loads the accumulator, so it holds the token's sum for one
            // cycle after the last product; the acc-to-act conversion reads it from the register (S_CONV)
            SInt a = reg(SInt(accW)).init(0).named("acc_" + e);
            SInt w = wrow.slice((e + 1) * wW - 1, e * wW).asSInt();
            SInt prod = s1X.times(w);
            SInt term = shift >= 0 ? prod.shr(shift) : prod.shl(-shift);
            SInt sum = mux(s1First, S(0, accW), a).plus(term.resize(accW)).named("accNext_" + e);
            SInt logit = Fix.fromRaw(accFix, a).resize(actFix, rnd, ovf).rawSInt().named("logitConv_" + e);
            when(macGo, () -> a.set(sum));
            logitsConv.add(logit);
        }
        Bool handoff = macGo.and(s1End).named("handoff");

        // ---------------- post-processing: online softmax, divider, top-k, probabilities
        // logits: shift register, expert j at position 0 in scan step j
        Vec<SInt> logits = reg(Vec(experts, SInt(wA))).named("logits");
        int ws = p + log2Up(experts) + 1;
        int ew = p + 1;
        UInt one = U(1L << p, ws);
        SInt maxL = reg(SInt(wA)).init(0).named("maxLogit");
        UInt sum = reg(UInt(ws)).init(0).named("expSum");
        UInt j = reg(UInt(eb)).init(0).named("j");
        UInt rem = reg(UInt(ws + 1)).init(0).named("divRem");
        UInt inv = reg(UInt(p + 1)).init(0).named("invSum");
        int rw = log2Up(topK + 1);
        int rb = Math.max(1, log2Up(topK));
        UInt r = reg(UInt(rw)).init(0).named("rank");
        UInt divCnt = reg(UInt(log2Up(p + 2))).init(0).named("divCnt");
        // top-k as a sorted list (value, expert), filled by insertion during the scan
        Vec<UInt> top = reg(Vec(topK, UInt(eb))).named("top");
        Vec<SInt> topVal = reg(Vec(topK, SInt(wA))).named("topVal");
        Bits topValid = reg(Bits(topK)).init(0).named("topValid");
        Vec<UInt> score = reg(Vec(topK, UInt(p + 1))).named("score");
        Bool curLast = reg(Bool()).init(false).named("curLast");
        Bool routeDone = reg(Bool()).init(false).named("routeDone");
        UInt token = reg(UInt(qb)).init(0).named("token");

        // scan step j: x_j against the running maximum b (the previous experts' maximum)
        SInt xj = logits.get(0);
        Bool bigger = xj.gt(maxL).named("bigger");
        UInt upDiff = xj.minusExpand(maxL).asUInt().named("upDiff");
        UInt downDiff = maxL.minusExpand(xj).asUInt().named("downDiff");
        Bool first = j.eq(0).named("scanFirst");

        // one pipelined exp unit shared by the softmax scan and the probability step:
        // input registers (argument, valid, tags) then EXP_LATENCY stages
        UInt xaArg = reg(UInt(wA + 1)).init(0).named("expArg");
        Bool xaValid = reg(Bool()).init(false).named("expInValid");
        Bool xaBig = reg(Bool()).init(false).named("expInBig");
        Bool xaLast = reg(Bool()).init(false).named("expInLast");
        Bool xaProb = reg(Bool()).init(false).named("expInProb");
        UInt xaRank = reg(UInt(rb)).init(0).named("expInRank");
        xaValid.set(B(false));
        ExpNegLane expLane = instance(new ExpNegLane(wA + 1, fA, p, rnd, EXP_LATENCY));
        expLane.t.set(xaArg);
        expLane.en.set(B(true));
        UInt ex = expLane.e;
        Bool exValid = xaValid;
        Bool exBig = xaBig;
        Bool exLast = xaLast;
        UInt exRank = xaRank;
        Bool exProb = xaProb;
        for (int i = 0; i < EXP_LATENCY; i++) {
            exProb = regNext(exProb).named("expProb_" + i);
            exValid = regNext(exValid).init(false).named("expValid_" + i);
            exBig = regNext(exBig).named("expBig_" + i);
            exLast = regNext(exLast).named("expLast_" + i);
            exRank = regNext(exRank).named("expRank_" + i);
        }
        Bool exV = exValid;
        Bool exB = exBig;
        Bool exL = exLast;
        UInt exR = exRank;
        Bool exP = exProb;
        Bool exScan = exV.and(exP.not()).named("expScanOut");
        Bool exProbOut = exV.and(exP).named("expProbOut");

        // softmax recurrence on the exp results, in expert order
        UInt rescaled = roundOff(sum.times(ex), p, rnd).resize(ws).plus(one).named("sumRescaled");
        UInt added = sum.plus(ex.resize(ws)).named("sumAdded");

        // divider step: inv = floor(2^(2P) / sum), P+1 quotient bits
        UInt remShift = rem.shl(1).resize(ws + 1);
        Bool geS = remShift.ge(sum.resize(ws + 1));

        // top-k insertion of x_j: strict greater-than keeps earlier (lower-index) experts first on ties,
        // which is the k-pass lowest-index-first scan of the golden model
        List<Bool> ins = new ArrayList<>();
        for (int i = 0; i < topK; i++) {
            ins.add(topValid.bit(i).not().or(xj.gt(topVal.get(i))).named("topIns_" + i));
        }
        // probability step: exp(-(b - x_r)) of the k selected experts, computed while the divider runs
        // (issued once the scan's maximum is final), then times invSum one rank per cycle
        UInt ir = reg(UInt(rw)).init(0).named("probIssue");
        Vec<UInt> probEx = reg(Vec(topK, UInt(ew))).named("probEx");
        Bool probExDone = reg(Bool()).init(false).named("probExDone");
        UInt probArg = maxL.minusExpand(topVal.read(ir.resize(rb))).asUInt().named("probArg");
        Bool probIssue = state.eq(S_SUM).or(state.eq(S_DIV)).and(ir.lt(topK)).named("probIssuing");
        when(probIssue, () -> {
            xaValid.set(B(true));
            xaArg.set(probArg);
            xaProb.set(B(true));
            xaRank.set(ir.resize(rb));
            xaLast.set(ir.eq(topK - 1));
            ir.set(ir.plus(1));
        });
        when(exProbOut, () -> probEx.write(exR, ex));
        when(exProbOut.and(exL), () -> probExDone.set(B(true)));
        UInt rankEx = probEx.read(r.resize(rb)).named("rankExp");
        UInt probNow = roundOff(rankEx.times(inv), p, rnd).resize(p + 1).named("probNow");

        // queues: one memory, expert-major, (token, score) words
        queues = mem(Bits(qb + wP), (1 << eb) << qb);
        Mem<Bits> qmem = queues;
        Vec<UInt> counts = reg(Vec(experts, UInt(cb))).named("counts");
        for (int e = 0; e < experts; e++) {
            counts.get(e).init(0);
        }
        Bits mask = wire(Bits(experts)).named("mask");
        List<Bool> maskBits = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            maskBits.add(counts.get(e).ne(0));
        }
        mask.set(catBools(maskBits));
        nonEmpty.set(mask);

        // emit: route beat and the queue appends (one per cycle, rank order)
        UInt wr = reg(UInt(rw)).init(0).named("wr");
        UInt wrRank = wr.resize(Math.max(1, log2Up(topK)));
        UInt wrExpert = top.read(wrRank).named("wrExpert");
        UInt wrCount = counts.read(wrExpert).named("wrCount");
        Bool writing = state.eq(S_EMIT).and(wr.lt(topK)).named("writing");
        Bool room = wrCount.lt(U(queueDepth, cb));
        UInt wrScore = score.read(wrRank);
        when(writing.and(room), () -> {
            qmem.write(cat(wrExpert, wrCount.resize(qb)).asUInt(), cat(token, wrScore.resize(wP)));
            counts.write(wrExpert, wrCount.plus(1));
        });
        when(writing, () -> wr.set(wr.plus(1)));
        List<Bits> routeFields = new ArrayList<>();
        route.valid.set(state.eq(S_EMIT).and(routeDone.not()));
        Bits scoresBits = null;
        Bits expertBits = null;
        for (int i = 0; i < topK; i++) {
            Bits sb = score.get(i).resize(wP).asBits();
            scoresBits = scoresBits == null ? sb : cat(sb, scoresBits);
            Bits xb = top.get(i).asBits();
            expertBits = expertBits == null ? xb : cat(xb, expertBits);
        }
        route.payload.set(cat(curLast, token, expertBits, scoresBits));
        when(route.fire(), () -> routeDone.set(B(true)));
        Bool emitDone = state.eq(S_EMIT).and(routeDone.or(route.ready)).and(topK == 1 ? B(true) : wr.ge(topK - 1)).named("emitDone");

        // drain: generator (dE, dI, dHdr, dActive) feeding an output stage whose entry data is the
        // queue memory's registered read (held while the stage does not advance)
        UInt dE = reg(UInt(eb)).init(0).named("dExpert");
        UInt dI = reg(UInt(qb)).init(0).named("dIndex");
        Bool dHdr = reg(Bool()).init(false).named("dHeader");
        Bool dActive = reg(Bool()).init(false).named("dActive");
        Bool oValid = reg(Bool()).init(false).named("oValid");
        Bool oHdr = reg(Bool()).init(false).named("oHeader");
        UInt oE = reg(UInt(eb)).init(0).named("oExpert");
        UInt oCnt = reg(UInt(cb)).init(0).named("oCount");
        Bool oLast = reg(Bool()).init(false).named("oLast");
        Bool advance = oValid.not().or(drain.ready).named("dAdvance");
        Bool inDrain = state.eq(S_DRAIN);
        UInt cntE = counts.read(dE).named("dCount");
        // next non-empty expert above dE, and the first non-empty one
        Bool hasNextAcc = B(false);
        UInt nextAcc = U(0, eb);
        UInt firstAcc = U(0, eb);
        for (int i = experts - 1; i >= 0; i--) {
            if (i > 0) { // expert 0 is never above dE (a constant compare would trip lint UNSIGNED)
                Bool c = mask.bit(i).and(U(i, eb).gt(dE));
                nextAcc = mux(c, U(i, eb), nextAcc);
                hasNextAcc = hasNextAcc.or(c);
            }
            firstAcc = mux(mask.bit(i), U(i, eb), firstAcc);
        }
        Bool hasNext = hasNextAcc.named("dHasNext");
        UInt nextE = nextAcc.named("dNext");
        UInt firstE = firstAcc.named("dFirst");
        Bool lastOfExpert = dI.resize(cb).plus(1).eq(cntE);
        Bool readEn = inDrain.and(advance).and(dActive).and(dHdr.not()).named("qRead");
        Bits qword = qmem.readSync(cat(dE, dI).asUInt(), readEn).named("qword");
        when(inDrain.and(advance), () -> {
            oValid.set(dActive);
            oHdr.set(dHdr);
            oE.set(dE);
            oCnt.set(cntE);
            oLast.set(dHdr.not().and(lastOfExpert).and(hasNext.not()));
            when(dActive, () -> {
                when(dHdr, () -> {
                    dHdr.set(B(false));
                    dI.set(U(0, qb));
                }).elsewhen(lastOfExpert, () -> {
                    when(hasNext, () -> {
                        dE.set(nextE);
                        dHdr.set(B(true));
                    }).otherwise(() -> dActive.set(B(false)));
                }).otherwise(() -> dI.set(dI.plus(1)));
            });
        });
        drain.valid.set(oValid);
        Bits entryBits = mux(oHdr, Bits(0, qb + wP), qword);
        drain.payload.set(cat(oLast, oHdr, mux(oHdr, oCnt, U(0, cb)), oE, entryBits));
        Bool drainDone = inDrain.and(oValid).and(oLast).and(drain.ready).named("drainDone");

        // ---------------- control
        switchOn(state)
                .is(S_IDLE, () -> when(handoff, () -> {
                    curLast.set(s1Last);
                    state.set(U(S_CONV, 4));
                }))
                .is(S_CONV, () -> {
                    for (int e = 0; e < experts; e++) {
                        logits.get(e).set(logitsConv.get(e));
                    }
                    j.set(U(0, eb));
                    topValid.set(Bits(0, topK));
                    ir.set(U(0, rw));
                    probExDone.set(B(false));
                    state.set(U(S_SOFTMAX, 4));
                })
                .is(S_SOFTMAX, () -> {
                    for (int e = 0; e + 1 < experts; e++) {
                        logits.get(e).set(logits.get(e + 1));
                    }
                    when(first, () -> {
                        maxL.set(xj);
                        sum.set(one);
                    }).otherwise(() -> {
                        when(bigger, () -> maxL.set(xj));
                        xaValid.set(B(true));
                        xaArg.set(mux(bigger, upDiff, downDiff));
                        xaBig.set(bigger);
                        xaProb.set(B(false));
                        xaLast.set(j.eq(experts - 1));
                    });
                    for (int i = 0; i < topK; i++) {
                        final int ii = i;
                        when(ins.get(i), () -> {
                            top.get(ii).set(j);
                            topVal.get(ii).set(xj);
                            if (ii > 0) { // shifted down when x_j goes in above this slot
                                when(ins.get(ii - 1), () -> {
                                    top.get(ii).set(top.get(ii - 1));
                                    topVal.get(ii).set(topVal.get(ii - 1));
                                });
                            }
                        });
                    }
                    topValid.set(cat(topValid.slice(Math.max(topK - 2, 0), 0), B(true)).resize(topK));
                    j.set(j.plus(1));
                    when(j.eq(experts - 1), () -> state.set(U(S_SUM, 4)));
                })
                .is(S_SUM, () -> when(exScan.and(exL), () -> {
                    rem.set(U(1L << (p - 1), ws + 1));
                    divCnt.set(U(0, divCnt.width()));
                    state.set(U(S_DIV, 4));
                }))
                .is(S_DIV, () -> {
                    rem.set(mux(geS, remShift.minus(sum.resize(ws + 1)), remShift));
                    inv.set(cat(inv.slice(p - 1, 0), geS).asUInt());
                    divCnt.set(divCnt.plus(1));
                    when(divCnt.eq(p), () -> {
                        r.set(U(0, rw));
                        state.set(U(S_PROB, 4));
                    });
                })
                .is(S_PROB, () -> when(probExDone, () -> {
                    score.write(r.resize(rb), probNow);
                    r.set(r.plus(1));
                    when(r.eq(topK - 1), () -> {
                        wr.set(U(0, rw));
                        routeDone.set(B(false));
                        state.set(U(S_EMIT, 4));
                    });
                }))
                .is(S_EMIT, () -> when(emitDone, () -> {
                    token.set(token.plus(1));
                    state.set(mux(curLast, U(S_DSTART, 4), U(S_IDLE, 4)));
                }))
                .is(S_DSTART, () -> {
                    dE.set(firstE);
                    dI.set(U(0, qb));
                    dHdr.set(B(true));
                    dActive.set(B(true));
                    state.set(U(S_DRAIN, 4));
                })
                .is(S_DRAIN, () -> when(drainDone, () -> {
                    for (int e = 0; e < experts; e++) {
                        counts.get(e).set(U(0, cb));
                    }
                    token.set(U(0, qb));
                    state.set(U(S_IDLE, 4));
                }))
                .otherwise(() -> state.set(U(S_IDLE, 4)));
        // the softmax recurrence consumes the exp results of the scan (S_SOFTMAX and S_SUM)
        when(exScan, () -> sum.set(mux(exB, rescaled, added)));
    }

    /** rnd(v / 2^shift) for a non-negative v, at v's width minus shift (the softmax's rounding; never wraps). */
    private static UInt roundOff(UInt v, int shift, Rounding rnd) {
        return Fix.fromRaw(FixFormat.ofWidth(false, v.width(), shift), v)
                .resize(FixFormat.ofWidth(false, v.width() - shift, 0), rnd, Overflow.WRAP).rawUInt();
    }

    private static Bits catBools(List<Bool> bits) {
        Bool[] msbFirst = new Bool[bits.size()];
        for (int i = 0; i < msbFirst.length; i++) {
            msbFirst[i] = bits.get(bits.size() - 1 - i);
        }
        return cat(msbFirst);
    }

    private static Bits oneHot(UInt idx, int n) {
        List<Bool> bits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bits.add(idx.eq(i));
        }
        return catBools(bits);
    }
}
