package org.edgemoe.rtl.softmax;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.SoftmaxUnit;
import org.edgemoe.rtl.common.ExpNegLane;

/**
 * Single-pass (online) softmax statistics of R rows in parallel, bit-exact to the {@code invSum} and
 * {@code max} of {@link SoftmaxUnit#softmaxRow} (keys in arrival order): per beat one score of each
 * row; a row ends on the beat with {@code last} high (row length is given at run time, all R rows share
 * it; length 1 is allowed). Rows follow each other without bubbles. Per row the output carries
 * {@code invSum = floor(2^(2P) / s)} and {@code max}.
 *
 * <p>Pipeline (stall-all-stages): S1 running max and |x - b|, S2-S3 exp ({@link ExpNegLane}), then
 * the sum recurrence ({@code s = rnd(s * e / 2^P) + 1}, rnd the profile's rounding, when x > b, else {@code s + e}, fit to
 * {@link Formats#softmaxSum()} with the profile's overflow), and a sequential restoring divider per
 * row that retires {@code divStepsPerCycle} quotient bits a cycle: {@link #divCycles()} cycles per
 * row. A row's last beat waits while the divider is busy, so rows of at least {@link #minRowLength()}
 * beats keep one beat per cycle; shorter rows stall the input.
 *
 * <p>Ports: {@code io_input_valid/ready}, {@code io_input_payload_score_<k>}, {@code io_input_payload_last};
 * {@code io_output_valid/ready}, {@code io_output_payload_invSum_<k>}, {@code io_output_payload_max_<k>}.
 */
public final class StreamingSoftmax extends Module {
    public final Stream<SoftmaxScores> input;
    public final Stream<SoftmaxStats> output;
    public final List<ExpNegLane> exp = new ArrayList<>();
    private final int divCycles;

    /** Default: dsp18 profile, act-format scores, 16 rows, 2 quotient bits per cycle. */
    public StreamingSoftmax() {
        this(Formats.dsp18(), 16);
    }

    public StreamingSoftmax(Formats f, int rows) {
        this(f, f.act(), rows, 2);
    }

    public StreamingSoftmax(Formats f, FixFormat scoreFormat, int rows, int divStepsPerCycle) {
        if (rows < 1 || divStepsPerCycle < 1) {
            throw new IllegalArgumentException("rows and divStepsPerCycle must be >= 1");
        }
        if (!scoreFormat.signed()) {
            throw new IllegalArgumentException("scores must be signed, got " + scoreFormat);
        }
        FixFormat probM = f.prob();
        FixFormat sumM = f.softmaxSum();
        int p = probM.fracBits();
        int w = scoreFormat.width();
        int sw = sumM.width();
        if (p < 2 || probM.width() < p + 2 || !probM.signed()) {
            throw new IllegalArgumentException("prob format must be signed and hold 1.0: " + probM);
        }
        int iters = (p + 1 + divStepsPerCycle - 1) / divStepsPerCycle * divStepsPerCycle;
        if (iters >= 2 * p) {
            throw new IllegalArgumentException("divStepsPerCycle too large for P = " + p);
        }
        divCycles = iters / divStepsPerCycle;
        param("PROFILE", f.name());
        param("SCORE", scoreFormat.toString());
        param("ROWS", rows);
        param("DIV_STEPS", divStepsPerCycle);
        FixFormat scoreF = scoreFormat;
        FixFormat probF = probM;
        FixFormat sumF = FixFormat.sfix(sw, 0); // raw integer view of the sum
        input = slave(new Stream<>(new SoftmaxScores(rows, scoreF)));
        output = master(new Stream<>(new SoftmaxStats(rows, probF, scoreF)));

        // ---- control ----
        Bool rowStart = reg(Bool()).init(true).named("rowStart");
        Bool v1 = reg(Bool()).init(false).named("v1");
        Bool v2 = reg(Bool()).init(false).named("v2");
        Bool v3 = reg(Bool()).init(false).named("v3");
        Bool done = reg(Bool()).init(false).named("done");
        int cw = log2Up(divCycles + 1);
        UInt count = reg(UInt(cw)).init(0).named("divCount");
        Bool busy = count.ne(0).named("divBusy");
        Bool canLoad = busy.not().and(done.not().or(output.ready)).named("canLoad");
        Bool last3 = reg(Bool()).named("last3");
        Bool advance = v3.and(last3).and(canLoad.not()).not().named("advance");
        Bool load = v3.and(last3).and(canLoad).named("load");
        input.ready.set(advance);
        Bool inFire = input.valid.and(advance).named("inFire");
        Bool first1 = reg(Bool()).named("first1");
        Bool last1 = reg(Bool()).named("last1");
        Bool first2 = reg(Bool()).named("first2");
        Bool last2 = reg(Bool()).named("last2");
        Bool first3 = reg(Bool()).named("first3");
        when(advance, () -> {
            v1.set(inFire);
            v2.set(v1);
            v3.set(v2);
            first1.set(rowStart);
            last1.set(input.payload.last);
            first2.set(first1);
            last2.set(last1);
            first3.set(first2);
            last3.set(last2);
        });
        when(inFire, () -> rowStart.set(input.payload.last));
        when(output.fire(), () -> done.set(false));
        when(busy, () -> {
            count.set(count.minus(1));
            when(count.eq(1), () -> done.set(true));
        });
        when(load, () -> count.set(U(divCycles, cw)));
        output.valid.set(done);

        long one = 1L << p;
        for (int k = 0; k < rows; k++) {
            final int lane = k;
            // ---- S0/S1: running max, |x - b| ----
            SInt x = input.payload.score.get(k).rawSInt();
            SInt b = reg(SInt(w)).named("b_" + k);
            Bool gt = x.gt(b);
            Bool takeX = rowStart.or(gt);
            UInt t = mux(rowStart, S(0, w + 1), mux(gt, x.minusExpand(b), b.minusExpand(x))).resize(w).asUInt();
            when(inFire, () -> b.set(mux(takeX, x, b)));
            UInt t1 = regNextWhen(t, advance).named("t1_" + k);
            Bool gt1 = regNextWhen(gt, advance).named("gt1_" + k);
            SInt b1 = regNextWhen(mux(takeX, x, b), advance).named("b1_" + k);
            // ---- S2, S3: exp ----
            ExpNegLane e = instance(new ExpNegLane(w, scoreFormat.fracBits(), p, f.rounding(), 2));
            e.t.set(t1);
            e.en.set(advance);
            exp.add(e);
            Bool gt3 = regNextWhen(regNextWhen(gt1, advance), advance).named("gt3_" + k);
            SInt b3 = regNextWhen(regNextWhen(b1, advance), advance).named("b3_" + k);
            // ---- sum recurrence ----
            SInt s = reg(SInt(sw)).named("s_" + k);
            SInt ev = e.e.toSInt();
            SInt prod = s.times(ev);
            // rnd(s * e / 2^P), sw + 2 bits (s * e >= 0 and at most s * 2^P: rounding cannot wrap)
            SInt rounded = Fix.fromRaw(FixFormat.ofWidth(true, prod.width(), p), prod)
                    .resize(FixFormat.ofWidth(true, prod.width() - p, 0), f.rounding(), Overflow.WRAP).rawSInt();
            // (same-width add: a sign-extended constant would be emitted as an illegal literal bit-select)
            SInt scaled = rounded.resize(rounded.width() + 1).plus(S(one, rounded.width() + 1));
            SInt added = s.plusExpand(ev.resize(sw));
            Fix rescale = fit(scaled, sumF, f);
            Fix accumulate = fit(added, sumF, f);
            SInt next = mux(first3, S(one, sw), mux(gt3, rescale.rawSInt(), accumulate.rawSInt())).named("sNext_" + k);
            when(v3.and(advance), () -> s.set(next));
            // ---- divider: q = floor(2^(2P) / s), restoring, divStepsPerCycle bits per cycle ----
            SInt rem = reg(SInt(sw)).named("divRem_" + k);
            SInt div = reg(SInt(sw)).named("divD_" + k);
            UInt q = reg(UInt(p + 1)).named("divQ_" + k);
            SInt maxR = reg(SInt(w)).named("max_" + k);
            SInt rr = rem;
            UInt qq = q;
            for (int step = 0; step < divStepsPerCycle; step++) {
                SInt r2 = rr.shl(1); // sw + 1 bits, remainder < divisor so no bit is lost
                SInt diff = r2.minus(div.resize(sw + 1));
                Bool ge = diff.msb().not();
                rr = mux(ge, diff, r2).resize(sw);
                qq = qq.shl(1).resize(p + 1).or(ge.asUInt().resize(p + 1));
            }
            final SInt remNext = rr;
            final UInt qNext = qq;
            when(busy, () -> {
                rem.set(remNext);
                q.set(qNext);
            });
            when(load, () -> {
                rem.set(S(1L << (2 * p - iters), sw));
                div.set(next);
                q.set(U(0, p + 1));
                maxR.set(b3);
            });
            output.payload.invSum.get(lane).set(Fix.fromRaw(probF, q.resize(probM.width())));
            output.payload.max.get(lane).set(Fix.fromRaw(scoreF, maxR));
        }
    }

    private static Fix fit(SInt v, FixFormat to, Formats f) {
        return Fix.fromRaw(FixFormat.sfix(v.width(), 0), v).resize(to, Rounding.TRUNCATE, f.overflow());
    }

    /** Cycles the divider needs per row. */
    public int divCycles() {
        return divCycles;
    }

    /** Shortest row length that keeps one beat per cycle with rows back to back. */
    public int minRowLength() {
        return divCycles + 1;
    }
}
