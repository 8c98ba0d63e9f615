package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.edgemoe.hdl.core.BlackBox;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.testing.Emit;
import org.junit.jupiter.api.Test;

class BlackBoxTest {

    static final String DELAY_V = """
            module Delay #(parameter WIDTH = 1) (input wire clock, input wire [WIDTH-1:0] d, output reg [WIDTH-1:0] q);
              always @(posedge clock) q <= d;
            endmodule
            """;

    static final class Delay extends BlackBox {
        final Bool clock = in(Bool());
        final UInt d = in(UInt(8));
        final UInt q = out(UInt(8));

        Delay(boolean inline) {
            generic("WIDTH", 8);
            mapClock(clock);
            if (inline) {
                setInlineVerilog(DELAY_V);
            }
        }
    }

    static final class UsesBox extends Module {
        final UInt a = in(UInt(8));
        final UInt y = out(UInt(8));
        final Delay box;

        UsesBox(boolean inline) {
            box = instance(new Delay(inline));
            box.d.set(a);
            y.set(box.q);
        }
    }

    @Test void instantiationCarriesGenericParameters() {
        EmittedDesign d = Emit.of(() -> new UsesBox(false));
        String v = d.module("UsesBox");
        assertTrue(Pattern.compile("Delay\\s+#\\(\\s*\\.WIDTH\\(8\\)\\s*\\)\\s+box\\s*\\(").matcher(v).find(), v);
        assertTrue(Pattern.compile("\\.clock\\s*\\(clk\\)").matcher(v).find(), "clock mapped to the parent's clock:\n" + v);
        assertTrue(Pattern.compile("\\.d\\s*\\(").matcher(v).find(), "black-box ports keep plain names:\n" + v);
        assertFalse(d.files().containsKey("Delay.v"), "no Verilog emitted for a black box without inline source");
    }

    @Test void inlineVerilogIsWrittenAsItsOwnFile() {
        EmittedDesign d = Emit.of(() -> new UsesBox(true));
        assertEquals(DELAY_V, d.files().get("Delay.v"));
    }
}
