package org.edgemoe.hdl.examples;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/** An enabled counter that wraps around, with a pulse when it does. */
public final class CounterExample extends Module {
    public final Bool enable = in(Bool());
    public final UInt count = out(UInt(8));
    public final Bool wrapped = out(Bool());

    public CounterExample(int width) {
        param("WIDTH", width);
        UInt value = reg(UInt(width)).init(0).named("value");
        wrapped.set(false);
        when(enable, () -> {
            value.set(value.plus(1));
            when(value.andR(), () -> wrapped.set(true));
        });
        count.set(value.resize(8));
    }

    public CounterExample() {
        this(8);
    }
}
