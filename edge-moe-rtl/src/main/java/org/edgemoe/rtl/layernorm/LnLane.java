package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.RsqrtUnit;

/**
 * One output lane of LayerNorm, as {@code LayerNormUnit}: n = floor((x - mean) * y / 2^(24 + e)), then
 * out = n * gamma + beta formed exactly with F + G fraction bits and converted to the output format with the
 * profile's rounding and overflow ({@code Fix.resize}). Four stages on {@code en}: the product, the
 * variable shift (a constant shift by the smallest possible amount, then a barrel shift by {@code shift}),
 * the gamma product plus aligned beta, the conversion. Every intermediate is at its exact width.
 */
public final class LnLane extends Module {
    public static final int LATENCY = 4;
    public final Bool en = in(Bool());
    public final SInt x;
    public final SInt mean;
    public final UInt mantissa = in(UInt(RsqrtUnit.MANTISSA.width()));
    public final UInt shift;
    public final Fix gamma;
    public final Fix beta;
    public final Fix y;

    public LnLane(LnConfig cfg, int minShift, int shiftWidth) {
        int w = cfg.xWidth();
        int frac = cfg.frac();
        FixFormat g = cfg.gamma();
        FixFormat b = cfg.beta();
        param("IN", cfg.in().toString());
        param("OUT", cfg.out().toString());
        param("PROFILE", cfg.formats().name());
        x = in(SInt(w));
        mean = in(SInt(w));
        shift = in(UInt(shiftWidth));
        gamma = in(Fix(g));
        beta = in(Fix(b));
        y = out(Fix(cfg.out()));

        // stage A: (x - mean) * y, exact
        SInt d = x.minusExpand(mean);
        SInt p = regNextWhen(d.times(mantissa.toSInt()), en).named("prod");
        UInt shA = regNextWhen(shift, en).named("shA");
        SInt gA = regNextWhen(gamma.rawSInt(), en).named("gammaA");
        SInt bA = regNextWhen(beta.rawSInt(), en).named("betaA");
        // stage B: floor shift by 24 + e
        SInt n = regNextWhen(p.shr(minShift).shr(shA), en).named("norm");
        SInt gB = regNextWhen(gA, en).named("gammaB");
        SInt bB = regNextWhen(bA, en).named("betaB");
        // stage C: n * gamma + beta with F + G fraction bits
        int sf = frac + g.fracBits();
        SInt bAligned = sf >= b.fracBits() ? bB.shl(sf - b.fracBits()) : bB.shr(b.fracBits() - sf);
        SInt prodG = n.times(gB);
        int sw = Math.max(prodG.width(), bAligned.width()) + 1;
        SInt s = regNextWhen(prodG.resize(sw).plus(bAligned.resize(sw)), en).named("scaled");
        // stage D: into the output format
        Fix sFix = Fix.fromRaw(FixFormat.ofWidth(true, sw, sf), s);
        Fix out = sFix.resize(cfg.out(), cfg.formats().rounding(), cfg.formats().overflow());
        y.set(regNextWhen(out, en).named("out"));
    }
}
