package org.edgemoe.rtl.softmax;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.SoftmaxUnit;
import org.edgemoe.rtl.common.ExpNegLane;

/**
 * The normalise pass of the streaming softmax, bit-exact to the {@code probs} of
 * {@link SoftmaxUnit#softmaxRow}: {@code p = rnd(expNeg(max - x) * invSum / 2^P)} (rnd: the profile's rounding) for R rows per beat.
 * A row's {invSum, max} beat ({@code stats}, as produced by {@link StreamingSoftmax}) is held while
 * the row's scores stream through ({@code scores}) and consumed with the beat whose {@code last} is high.
 * One beat per cycle, latency {@link #LATENCY}, stall-all-stages on {@code probs} back-pressure.
 *
 * <p>Ports: {@code io_stats_*} ({@link SoftmaxStats}), {@code io_scores_*} ({@link SoftmaxScores}),
 * {@code io_probs_valid/ready}, {@code io_probs_payload_prob_<k>}, {@code io_probs_payload_last}.
 */
public final class SoftmaxNormalize extends Module {
    public static final int LATENCY = 4;
    public final Stream<SoftmaxStats> stats;
    public final Stream<SoftmaxScores> scores;
    public final Stream<SoftmaxProbs> probs;
    public final List<ExpNegLane> exp = new ArrayList<>();

    /** Default: dsp18 profile, act-format scores, 16 rows. */
    public SoftmaxNormalize() {
        this(Formats.dsp18(), 16);
    }

    public SoftmaxNormalize(Formats f, int rows) {
        this(f, f.act(), rows);
    }

    public SoftmaxNormalize(Formats f, FixFormat scoreFormat, int rows) {
        FixFormat probM = f.prob();
        int p = probM.fracBits();
        int w = scoreFormat.width();
        param("PROFILE", f.name());
        param("SCORE", scoreFormat.toString());
        param("ROWS", rows);
        FixFormat scoreF = scoreFormat;
        FixFormat probF = probM;
        stats = slave(new Stream<>(new SoftmaxStats(rows, probF, scoreF)));
        scores = slave(new Stream<>(new SoftmaxScores(rows, scoreF)));
        probs = master(new Stream<>(new SoftmaxProbs(rows, probF)));

        Bool v1 = reg(Bool()).init(false).named("v1");
        Bool v2 = reg(Bool()).init(false).named("v2");
        Bool v3 = reg(Bool()).init(false).named("v3");
        Bool v4 = reg(Bool()).init(false).named("v4");
        Bool advance = v4.not().or(probs.ready).named("advance");
        Bool both = scores.valid.and(stats.valid).named("both");
        Bool fire = both.and(advance).named("fire");
        scores.ready.set(stats.valid.and(advance));
        stats.ready.set(scores.valid.and(advance).and(scores.payload.last));
        Bool last4 = reg(Bool()).named("last4");
        when(advance, () -> {
            v1.set(fire);
            v2.set(v1);
            v3.set(v2);
            v4.set(v3);
        });
        Bool last3 = regNextWhen(regNextWhen(regNextWhen(scores.payload.last, advance), advance), advance);
        when(advance, () -> last4.set(last3));
        probs.valid.set(v4);
        probs.payload.last.set(last4);

        for (int k = 0; k < rows; k++) {
            SInt x = scores.payload.score.get(k).rawSInt();
            SInt m = stats.payload.max.get(k).rawSInt();
            UInt t = m.minusExpand(x).resize(w).asUInt(); // max >= x within its row
            UInt inv = stats.payload.invSum.get(k).rawSInt().resize(p + 1).asUInt(); // 0 <= invSum <= 2^P
            UInt t1 = regNextWhen(t, advance).named("t1_" + k);
            UInt inv1 = regNextWhen(inv, advance).named("inv1_" + k);
            ExpNegLane e = instance(new ExpNegLane(w, scoreFormat.fracBits(), p, f.rounding(), 2));
            e.t.set(t1);
            e.en.set(advance);
            exp.add(e);
            UInt inv3 = regNextWhen(regNextWhen(inv1, advance), advance).named("inv3_" + k);
            UInt prod = e.e.times(inv3);
            // rnd(e * invSum / 2^P) <= 2^P: P + 1 bits, no wrap
            UInt rounded = Fix.fromRaw(FixFormat.ofWidth(false, prod.width(), p), prod)
                    .resize(FixFormat.ofWidth(false, p + 1, 0), f.rounding(), Overflow.WRAP).rawUInt();
            UInt pr = regNextWhen(rounded, advance).named("p4_" + k);
            probs.payload.prob.get(k).set(Fix.fromRaw(probF, pr.resize(probM.width())));
        }
    }
}
