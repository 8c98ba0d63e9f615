package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.junit.jupiter.api.Test;

/** Pass {@code ports}: io ports in declaration order, then clock, then reset (SpinalHDL's order). */
class PortOrderTest {

    @Test
    void ioPortsAsDeclaredThenClockThenReset() {
        ModuleIR m = PassTesting.module("Ports", () -> {
            UInt q = reg(UInt(4)).init(0).named("q");   // creates clk and reset before the ports below
            UInt z = in(UInt(4)).named("z");
            out(UInt(4)).named("a").set(q);
            q.set(z);
        });
        List<String> names = PortOrder.of(m).stream().map(Signal::name).toList();
        assertEquals(List.of("z", "a", "clk", "reset"), names);
    }

    @Test
    void aCombinationalModuleHasNoClock() {
        ModuleIR m = PassTesting.module("Comb", () -> {
            UInt x = in(UInt(4)).named("x");
            out(UInt(4)).named("y").set(x);
        });
        assertEquals(List.of("x", "y"), PortOrder.of(m).stream().map(Signal::name).toList());
    }
}
