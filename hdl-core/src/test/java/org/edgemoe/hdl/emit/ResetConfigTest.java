package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.ir.ClockConfig;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

class ResetConfigTest {

    static final class AsyncLow extends Module {
        final UInt y = out(UInt(8));
        final CounterExample inner;

        AsyncLow() {
            clockConfig(ClockConfig.DEFAULT.withAsyncReset().withActiveLowReset());
            UInt r = reg(UInt(8)).init(7);
            r.set(r.plus(1));
            inner = instance(new CounterExample());
            inner.enable.set(true);
            y.set(r.xor(inner.count));
        }
    }

    @Test void asyncActiveLowResetUsesNegedgeResetn() {
        EmittedDesign d = Emit.of(AsyncLow::new);
        String v = d.module("AsyncLow");
        assertTrue(v.contains("always @(posedge clk or negedge resetn)"), v);
        assertTrue(Pattern.compile("if \\(!resetn\\)").matcher(v).find(), v);
        assertTrue(Pattern.compile("input\\s+wire\\s+resetn\\b").matcher(v).find(), v);
        assertFalse(Pattern.compile("\\breset\\b").matcher(v).find(), "no active-high reset port:\n" + v);
        // Children created after clockConfig inherit it.
        String c = d.module("CounterExample");
        assertTrue(c.contains("negedge resetn"), c);
        assertTrue(Emit.compactJson(d.manifestJson()).contains("\"name\":\"resetn\",\"direction\":\"input\",\"width\":1,\"signed\":false,\"role\":\"reset_n\""),
                d.manifestJson());
    }

    @Test void defaultIsSynchronousActiveHigh() {
        String v = Emit.of(CounterExample::new).module("CounterExample");
        assertTrue(v.contains("always @(posedge clk) begin"), v);
        assertFalse(v.contains("negedge"), v);
    }
}
