package org.edgemoe.hdl.examples;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;

/**
 * One PE of the benchmark array: on an enabled cycle it latches the incoming operands (passing them on
 * next cycle) and adds their product to its accumulator: acc <= (clear ? 0 : acc) + a_in * b_in.
 */
public final class ProcessingElement extends Module {
    public final Bool en = in(Bool());
    public final Bool clear = in(Bool());
    public final SInt a_in = in(SInt(8));
    public final SInt b_in = in(SInt(8));
    public final SInt a_out = out(SInt(8));
    public final SInt b_out = out(SInt(8));
    public final SInt acc = out(SInt(32));

    public ProcessingElement() {
        SInt a = reg(SInt(8)).init(0).named("a");
        SInt b = reg(SInt(8)).init(0).named("b");
        SInt sum = reg(SInt(32)).init(0).named("sum");
        SInt product = a_in.times(b_in).resize(32);
        when(en, () -> {
            a.set(a_in);
            b.set(b_in);
            sum.set(mux(clear, S(0, 32), sum).plus(product));
        });
        a_out.set(a);
        b_out.set(b);
        acc.set(sum);
    }
}
