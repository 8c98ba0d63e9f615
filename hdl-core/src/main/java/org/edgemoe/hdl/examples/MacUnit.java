package org.edgemoe.hdl.examples;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.fixed.FixFormat;

/**
 * A fixed-point multiply-accumulate: acc <= (clear ? 0 : acc) + x * w, in the Edge-MoE published formats
 * (activations SQ10.22, weights SQ2.14). The product is truncated to the accumulator's fraction bits and
 * the sum saturates instead of wrapping.
 */
public final class MacUnit extends Module {
    public static final FixFormat ACC = FixFormat.sfix(10, 22);
    public static final FixFormat WEIGHT = FixFormat.sfix(2, 14);

    public final Bool valid = in(Bool());
    public final Bool clear = in(Bool());
    public final Fix x = in(Fix(ACC));
    public final Fix w = in(Fix(WEIGHT));
    public final Fix acc = out(Fix(ACC));

    public MacUnit() {
        Fix sum = reg(Fix(ACC)).init(fix(0, ACC)).named("sum");
        Fix product = x.times(w).truncate(FixFormat.sfix(ACC.intBits() + WEIGHT.intBits(), ACC.fracBits()));
        Fix base = mux(clear, fix(0, ACC), sum);
        Fix next = base.plus(product).resize(ACC, Rounding.TRUNCATE, Overflow.SATURATE);
        when(valid, () -> sum.set(next));
        acc.set(sum);
    }
}
