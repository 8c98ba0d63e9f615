package org.example.consumer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/** A named configuration: a static factory returning a Module. */
public final class Designs {
    private Designs() { }

    /** Two counters of {@code width} bits side by side. */
    public static Module pair(int width) {
        return new Pair(width);
    }

    public static final class Pair extends Module {
        public final UInt sum = out(UInt(8));

        Pair(int width) {
            param("WIDTH", width);
            UInt a = reg(UInt(width)).init(0).named("a");
            UInt b = reg(UInt(width)).init(1).named("b");
            a.set(a.plus(1));
            b.set(b.plus(3));
            sum.set(a.plusExpand(b).resize(8));
        }
    }
}
