package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.BlackBox;
import org.edgemoe.hdl.core.SInt;

/**
 * A full-width signed product {@code p = a * b} (wa + wb bits) as a black box with inline Verilog,
 * written with {@code $signed} operands. Same value as hdl-core's {@code SInt.times}, whose emitted form
 * is an unsigned multiply of manually sign-extended operands: Yosys's wreduce cannot shrink those, so an
 * 18 x 16 product became a 34 x 34 multiplier (3 DSP48E2). With {@code $signed} operands Yosys maps the
 * dsp18 product to one DSP48E2. Lint-clean (both operands are extended to the result width first).
 */
final class SignedMul extends BlackBox {
    final SInt a;
    final SInt b;
    final SInt p;

    SignedMul(int wa, int wb) {
        int wp = wa + wb;
        a = in(SInt(wa));
        b = in(SInt(wb));
        p = out(SInt(wp));
        String name = "CuSignedMul_" + wa + "x" + wb;
        setDefinitionName(name);
        setInlineVerilog("module " + name + " (\n"
                + "  input  wire [" + (wa - 1) + ":0] a,\n"
                + "  input  wire [" + (wb - 1) + ":0] b,\n"
                + "  output wire [" + (wp - 1) + ":0] p\n"
                + ");\n"
                + "  wire signed [" + (wp - 1) + ":0] ae = {{" + wb + "{a[" + (wa - 1) + "]}}, a};\n"
                + "  wire signed [" + (wp - 1) + ":0] be = {{" + wa + "{b[" + (wb - 1) + "]}}, b};\n"
                + "  assign p = ae * be;\n"
                + "endmodule\n");
    }

    /** {@code a * b} through the black box, in the calling module. */
    static SInt times(SInt a, SInt b) {
        SignedMul m = instance(new SignedMul(a.width(), b.width()));
        m.a.set(a);
        m.b.set(b);
        return m.p;
    }
}
