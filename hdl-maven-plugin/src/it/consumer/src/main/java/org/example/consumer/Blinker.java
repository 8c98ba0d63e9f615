package org.example.consumer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/** A free-running divider whose top bit blinks; the speed picks which bit. */
public class Blinker extends Module {
    public enum Speed { SLOW, FAST }

    public final Bool enable = in(Bool());
    public final Bool led = out(Bool());
    public final UInt count = out(UInt(8));

    public Blinker(int width, Speed speed) {
        param("WIDTH", width);
        param("FAST", speed == Speed.FAST ? 1 : 0);
        UInt value = reg(UInt(width)).init(0).named("value");
        when(enable, () -> value.set(value.plus(1)));
        led.set(value.bit(speed == Speed.FAST ? width - 4 : width - 1));
        count.set(value.slice(width - 1, width - 8));
    }

    /** Not chosen for ("12", "FAST"): int beats double. */
    public Blinker(double width, Speed speed) {
        this((int) width, speed);
    }
}
