package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Utils;

/**
 * The statistics half of LayerNorm, as {@code LayerNormUnit}: per token (D / L beats, {@code first} and
 * {@code last} marking its ends) sum = sum of x and sumsq = sum of floor(x^2 / 2^F); mean = floor(sum / D),
 * ex2 = floor(sumsq / D) ({@link ConstDivider}s); var = ex2 - floor(mean^2 / 2^F) + eps, at least one LSB;
 * then {@link RsqrtPipe}. A fixed-latency pipeline without back-pressure: {@code outValid} pulses
 * {@link #LATENCY} cycles after a token's last beat, with the token's {@code mean}, {@code mantissa} and
 * {@code shift} (normalisation shift minus {@link #minShift}).
 *
 * <p>Stages: input register; L squares; two adder trees (beat sum, beat sum of squares); accumulators;
 * the dividers; mean^2; variance and clamp; the rsqrt pipeline.
 */
public final class LnStatistics extends Module {
    public static final int LATENCY = 4 + ConstDivider.LATENCY + 2 + RsqrtPipe.LATENCY;
    public final Bool inValid = in(Bool());
    public final Bool first = in(Bool());
    public final Bool last = in(Bool());
    public final Vec<Fix> x;
    public final Bool outValid = out(Bool());
    public final SInt mean;
    public final UInt mantissa;
    public final UInt shift;
    public final int minShift;

    public LnStatistics(LnConfig cfg) {
        int lanes = cfg.lanes();
        int w = cfg.xWidth();
        int frac = cfg.frac();
        int sumW = cfg.sumWidth();
        int sqW = cfg.squareWidth();
        int ssW = cfg.sumSqWidth();
        int vw = cfg.varWidth();
        param("DIM", cfg.dim());
        param("LANES", lanes);
        param("IN", cfg.in().toString());
        x = in(Vec(lanes, Fix(cfg.in())));
        mean = out(SInt(w));

        // ---- input register, squares, trees ----
        Bool v1 = validReg(inValid, "v1");
        Bool first1 = regNext(first).named("first1");
        Bool last1 = regNext(last).named("last1");
        List<SInt> xs = new ArrayList<>();
        List<UInt> sqs = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt xi = regNext(x.get(i).rawSInt()).named("x1_" + i);
            xs.add(regNext(xi.resize(sumW)).named("x2_" + i));
            sqs.add(regNext(xi.times(xi).shr(frac).resize(sqW).asUInt().resize(ssW)).named("sq2_" + i));
        }
        Bool v2 = validReg(v1, "v2");
        Bool first2 = regNext(first1).named("first2");
        Bool last2 = regNext(last1).named("last2");
        SInt beatSum = regNext(sumTree(xs)).named("beatSum");
        UInt beatSq = regNext(sumTree(sqs)).named("beatSq");
        Bool v3 = validReg(v2, "v3");
        Bool first3 = regNext(first2).named("first3");
        Bool last3 = regNext(last2).named("last3");

        // ---- token accumulators ----
        SInt sum = reg(SInt(sumW)).named("sum");
        UInt sumSq = reg(UInt(ssW)).named("sumSq");
        when(v3, () -> {
            sum.set(mux(first3, beatSum, sum.plus(beatSum)));
            sumSq.set(mux(first3, beatSq, sumSq.plus(beatSq)));
        });
        Bool done = validReg(v3.and(last3), "done");

        // ---- mean, E[x^2] ----
        ConstDivider divSum = instance(new ConstDivider(sumW, cfg.dim()));
        ConstDivider divSq = instance(new ConstDivider(ssW + 1, cfg.dim()));
        divSum.n.set(sum);
        divSq.n.set(sumSq.resize(ssW + 1).asSInt());
        SInt meanD = divSum.q.resize(w);
        UInt ex2 = divSq.q.asUInt().resize(sqW);

        // ---- mean^2, variance ----
        UInt meanSq = regNext(meanD.times(meanD).shr(frac).resize(sqW).asUInt()).named("meanSq");
        UInt ex2b = regNext(ex2).named("ex2");
        SInt mean1 = regNext(meanD).named("meanA");
        SInt variance = ex2b.resize(vw + 1).asSInt().minus(meanSq.resize(vw + 1).asSInt()).plus(S(cfg.eps(), vw + 1));
        UInt varPos = regNext(mux(variance.gt(S(0, vw + 1)), variance.resize(vw).asUInt(), U(1, vw))).named("varClamped");
        SInt mean2 = regNext(mean1).named("meanB");

        // ---- 1/sqrt(var) ----
        RsqrtPipe rs = instance(new RsqrtPipe(vw, frac));
        minShift = rs.minShift;
        shift = out(UInt(rs.shift.width()));
        mantissa = out(UInt(rs.mantissa.width()));
        rs.v.set(varPos);
        mantissa.set(rs.mantissa);
        shift.set(rs.shift);
        mean.set(Utils.Delay(mean2, RsqrtPipe.LATENCY));
        Bool vd = done;
        for (int i = 0; i < ConstDivider.LATENCY + 2 + RsqrtPipe.LATENCY; i++) {
            vd = validReg(vd, "vs" + i);
        }
        outValid.set(vd);
    }

    private static Bool validReg(Bool in, String name) {
        Bool r = reg(Bool()).init(false).named(name);
        r.set(in);
        return r;
    }
}
