package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;


/**
 * The router's post-processing of one token's E logits, stepped by the {@link MoeRouter}'s state machine:
 * <ol>
 * <li>{@code load}: takes {@code logits} (lane e = expert e) into a shift register and clears the top-k;</li>
 * <li>{@code scan}, E steps (expert j = 0..E-1 at the head): the online softmax (running maximum b and
 * sum of exp(x - b), rescaled when the maximum grows) and the top-k insertion (strict greater-than keeps the
 * lower-index expert first on ties, the golden model's k-pass lowest-index-first scan); {@code scanLast} on the
 * last step. The exp(-t) values come from one pipelined lane ({@link TaggedExpLane}) shared with the probability step,
 * so the sum is final a few cycles later ({@code sumDone});</li>
 * <li>{@code divInit}, then {@code divStep} P+1 times ({@code divLast} on the last): inv = floor(2^(2P) / sum),
 * one quotient bit per step. Meanwhile ({@code probWindow}) the exp(-(b - x_r)) of the k selected experts go
 * through the exp lane;</li>
 * <li>{@code probStep} while {@code probReady}, k times ({@code probLast} on the last): score[r] = rnd(exp_r *
 * inv / 2^P).</li>
 * </ol>
 * {@code experts} / {@code scores} (P+1 bits, 1.0 = 2^P) are the token's ranks, best first. Bit-exact with
 * {@link org.edgemoe.model.hw.GateRouting}.
 */
public final class TopKSoftmax extends Module {
    public final Vec<SInt> logits;
    public final Bool load = in(Bool());
    public final Bool scan = in(Bool());
    public final Bool divInit = in(Bool());
    public final Bool divStep = in(Bool());
    public final Bool probWindow = in(Bool());
    public final Bool probStep = in(Bool());
    public final Bool scanLast = out(Bool());
    public final Bool sumDone = out(Bool());
    public final Bool divLast = out(Bool());
    public final Bool probReady = out(Bool());
    public final Bool probLast = out(Bool());
    public final Vec<UInt> experts;
    public final Vec<UInt> scores;

    public TopKSoftmax(RouterConfig cfg, int expLatency) {
        int n = cfg.experts();
        int topK = cfg.topK();
        int eb = cfg.expertBits();
        int p = cfg.p();
        int wA = cfg.formats().act().width();
        Rounding rnd = cfg.formats().rounding();
        param("FORMATS", cfg.formats().name());
        param("EXPERTS", n);
        param("TOPK", topK);
        logits = in(Vec(n, SInt(wA)));
        experts = out(Vec(topK, UInt(eb)));
        scores = out(Vec(topK, UInt(p + 1)));

        // logits: shift register, expert j at position 0 in scan step j
        Vec<SInt> shift = reg(Vec(n, SInt(wA))).named("logits");
        int ws = p + log2Up(n) + 1;
        int ew = p + 1;
        UInt one = U(1L << p, ws);
        SInt maxL = reg(SInt(wA)).init(0).named("maxLogit");
        UInt sum = reg(UInt(ws)).init(0).named("expSum");
        UInt j = reg(UInt(eb)).init(0).named("j");
        int rw = cfg.rankCountBits();
        int rb = cfg.rankBits();
        UInt r = reg(UInt(rw)).init(0).named("rank");
        Vec<UInt> score = reg(Vec(topK, UInt(p + 1))).named("score");

        // scan step j: x_j against the running maximum b (the previous experts' maximum)
        SInt xj = shift.get(0);
        Bool bigger = xj.gt(maxL).named("bigger");
        UInt upDiff = xj.minusExpand(maxL).asUInt().named("upDiff");
        UInt downDiff = maxL.minusExpand(xj).asUInt().named("downDiff");
        Bool first = j.eq(0).named("scanFirst");

        // the shared exp lane: scan arguments |x_j - b| and probability arguments b - x_r
        TaggedExpLane exp = instance(new TaggedExpLane(cfg, expLatency));
        UInt ex = exp.e;
        Bool exB = exp.out_tag.big;
        Bool exLast = exp.out_tag.last;
        Bool exScan = exp.out_valid.and(exp.out_tag.prob.not()).named("expScanOut");
        Bool exProbOut = exp.out_valid.and(exp.out_tag.prob).named("expProbOut");

        // softmax recurrence on the exp results, in expert order
        UInt rescaled = roundOff(sum.times(ex), p, rnd).resize(ws).plus(one).named("sumRescaled");
        UInt added = sum.plus(ex.resize(ws)).named("sumAdded");
        // the top-k, filled during the scan, and the divider 1 / sum
        TopKList top = instance(new TopKList(topK, wA, eb));
        top.clear.set(load);
        top.insert.set(scan);
        top.value.set(xj);
        top.index.set(j);
        SumInverse divider = instance(new SumInverse(p, ws));
        divider.init.set(divInit);
        divider.step.set(divStep);
        divider.sum.set(sum);
        UInt inv = divider.inv;
        // probability step: exp(-(b - x_r)) of the k selected experts, computed while the divider runs
        // (issued once the scan's maximum is final), then times invSum one rank per cycle
        UInt ir = reg(UInt(rw)).init(0).named("probIssue");
        Vec<UInt> probEx = reg(Vec(topK, UInt(ew))).named("probEx");
        Bool probExDone = reg(Bool()).init(false).named("probExDone");
        UInt probArg = maxL.minusExpand(top.values.read(ir.resize(rb))).asUInt().named("probArg");
        Bool probIssue = probWindow.and(ir.lt(topK)).named("probIssuing");
        when(probIssue, () -> ir.set(ir.plus(1)));
        exp.valid.set(probIssue.or(scan.and(first.not())));
        exp.t.set(mux(probIssue, probArg, mux(bigger, upDiff, downDiff)));
        exp.tag.prob.set(probIssue);
        exp.tag.big.set(bigger);
        exp.tag.last.set(mux(probIssue, ir.eq(topK - 1), j.eq(n - 1)));
        exp.tag.rank.set(ir.resize(rb));
        when(exProbOut, () -> probEx.write(exp.out_tag.rank, ex));
        when(exProbOut.and(exLast), () -> probExDone.set(B(true)));
        UInt rankEx = probEx.read(r.resize(rb)).named("rankExp");
        UInt probNow = roundOff(rankEx.times(inv), p, rnd).resize(p + 1).named("probNow");

        when(load, () -> {
            shift.set(logits);
            j.set(U(0, eb));
            ir.set(U(0, rw));
            probExDone.set(B(false));
        });
        when(scan, () -> {
            for (int e = 0; e + 1 < n; e++) {
                shift.get(e).set(shift.get(e + 1));
            }
            when(first, () -> {
                maxL.set(xj);
                sum.set(one);
            }).otherwise(() -> when(bigger, () -> maxL.set(xj)));
            j.set(j.plus(1));
        });
        when(divStep.and(divider.last), () -> r.set(U(0, rw)));
        when(probStep, () -> {
            score.write(r.resize(rb), probNow);
            r.set(r.plus(1));
        });
        // the softmax recurrence consumes the exp results of the scan
        when(exScan, () -> sum.set(mux(exB, rescaled, added)));

        scanLast.set(j.eq(n - 1));
        sumDone.set(exScan.and(exLast));
        divLast.set(divider.last);
        probReady.set(probExDone);
        probLast.set(r.eq(topK - 1));
        experts.set(top.experts);
        scores.set(score);
    }

    /** rnd(v / 2^shift) for a non-negative v, at v's width minus shift (the softmax's rounding; never wraps). */
    private static UInt roundOff(UInt v, int shift, Rounding rnd) {
        return Fix.fromRaw(FixFormat.ofWidth(false, v.width(), shift), v)
                .resize(FixFormat.ofWidth(false, v.width() - shift, 0), rnd, Overflow.WRAP).rawUInt();
    }
}
