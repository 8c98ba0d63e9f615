package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.junit.jupiter.api.Test;

/** Pass {@code print}: the whole text of a small module, layout only. */
class VerilogPrinterTest {

    @Test
    void printsHeaderPortsDeclarationsAndBlocks() {
        ModuleEmission e = PassTesting.emission("Printed", () -> {
            Bool en = in(Bool()).named("en");
            UInt x = in(UInt(4)).named("x");
            UInt r = reg(UInt(4)).init(0).named("r");
            when(en, () -> r.set(x));
            out(UInt(4)).named("y").set(r);
        }).runThrough(EmitPass.CHECKS);
        e.run(EmitPass.PRINT);
        String body = e.text.substring(e.text.indexOf('\n') + 1);   // first line names the source file
        assertEquals("""
                module Printed (
                  input  wire       en,
                  input  wire [3:0] x,
                  output wire [3:0] y,
                  input  wire       clk,
                  input  wire       reset
                );

                  reg  [3:0] r;

                  always @(posedge clk) begin
                    if (reset) begin
                      r <= 4'd0;
                    end else begin
                      if (en) begin // VerilogPrinterTest.java:19
                        r <= x;
                      end
                    end
                  end

                  assign y = r;

                endmodule
                """, body);
    }

    @Test
    void anEmptyThenBranchPrintsAsANegatedCondition() {
        ModuleEmission e = PassTesting.emission("Negated", () -> {
            Bool en = in(Bool()).named("en");
            UInt y = out(UInt(4)).named("y");
            y.set(1);
            when(en, () -> { }).otherwise(() -> y.set(2));
        });
        String v = e.print();
        org.junit.jupiter.api.Assertions.assertTrue(v.contains("if (!(en)) begin"), v);
    }
}
