package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.examples.CounterExample;
import org.edgemoe.hdl.examples.QueueExample;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

/** Java field names become Verilog names; ports get io_; streams get _valid/_ready/_payload. */
class NamingTest {

    static final class Fields extends Module {
        final Bool go = in(Bool());
        final UInt total = out(UInt(8));
        private final UInt accumulator = reg(UInt(8)).init(0);
        private final UInt doubled = wire(UInt(8));
        final CounterExample ticker;

        Fields() {
            ticker = instance(new CounterExample());
            ticker.enable.set(go);
            when(go, () -> accumulator.set(accumulator.plus(ticker.count)));
            doubled.set(accumulator.shl(1).resize(8));
            total.set(doubled);
        }
    }

    @Test void fieldNamesAppearInVerilog() {
        String v = Emit.of(Fields::new).module("Fields");
        assertTrue(has(v, "input\\s+wire\\s+io_go\\b"), v);
        assertTrue(has(v, "output\\s+wire\\s+\\[7:0\\]\\s+io_total\\b"), v);
        assertTrue(has(v, "reg\\s+\\[7:0\\]\\s+accumulator;"), v);
        assertTrue(has(v, "wire\\s+\\[7:0\\]\\s+doubled;"), v);
        assertTrue(has(v, "CounterExample\\s+ticker\\s*\\("), v);
        assertTrue(has(v, "\\.io_enable\\s*\\("), v);
    }

    @Test void streamPortsAreFlattened() {
        String v = Emit.of(QueueExample::new).module("QueueExample");
        for (String p : new String[] {"input\\s+wire\\s+io_input_valid", "output\\s+wire\\s+io_input_ready",
                "input\\s+wire\\s+\\[15:0\\]\\s+io_input_payload", "output\\s+wire\\s+io_output_valid",
                "input\\s+wire\\s+io_output_ready", "output\\s+wire\\s+\\[15:0\\]\\s+io_output_payload"}) {
            assertTrue(has(v, p), p + " in\n" + v);
        }
    }

    @Test void explicitNamesHaveNoIoPrefix() {
        String v = Emit.ofBody("Explicit", () -> out(UInt(3)).named("result").set(U(2, 3))).module("Explicit");
        assertTrue(has(v, "output\\s+wire\\s+\\[2:0\\]\\s+result\\b"), v);
    }

    private static boolean has(String text, String regex) {
        return Pattern.compile(regex).matcher(text).find();
    }
}
