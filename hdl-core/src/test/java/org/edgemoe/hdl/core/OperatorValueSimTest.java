package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongBinaryOperator;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.IcarusSim;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values (not just widths) of signed and unsigned operators, exhaustively over 3-bit operands, simulated in
 * Icarus against Java: checks the emitted sign extension, arithmetic shifts and signed comparisons.
 */
class OperatorValueSimTest {

    @TempDir Path tmp;

    interface Op { Ground build(SInt a, SInt b, UInt ua, UInt ub); }

    record Case(String name, Op op, LongBinaryOperator ref) { }

    static long s3(long v) { return (v << 61) >> 61; }

    static long wrapS(long v, int w) { return (v << (64 - w)) >> (64 - w); }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // a, b are the signed values; ua, ub the same bits unsigned.
        c.add(new Case("s_plus", (a, b, ua, ub) -> a.plus(b), (a, b) -> wrapS(a + b, 3)));
        c.add(new Case("s_plusx", (a, b, ua, ub) -> a.plusExpand(b), (a, b) -> a + b));
        c.add(new Case("s_minusx", (a, b, ua, ub) -> a.minusExpand(b), (a, b) -> a - b));
        c.add(new Case("s_times", (a, b, ua, ub) -> a.times(b), (a, b) -> a * b));
        c.add(new Case("u_times", (a, b, ua, ub) -> ua.times(ub), (a, b) -> (a & 7) * (b & 7)));
        c.add(new Case("u_minusx", (a, b, ua, ub) -> ua.minusExpand(ub), (a, b) -> ((a & 7) - (b & 7)) & 15));
        c.add(new Case("s_shr_dyn", (a, b, ua, ub) -> a.shr(ub), (a, b) -> a >> (b & 7)));
        c.add(new Case("u_shr_dyn", (a, b, ua, ub) -> ua.shr(ub), (a, b) -> (a & 7) >>> (b & 7)));
        c.add(new Case("s_shl_dyn", (a, b, ua, ub) -> a.shl(ub.slice(1, 0)), (a, b) -> a << (b & 3)));
        c.add(new Case("s_shr1", (a, b, ua, ub) -> a.shr(1), (a, b) -> a >> 1));
        c.add(new Case("s_lt", (a, b, ua, ub) -> a.lt(b).asUInt(), (a, b) -> a < b ? 1 : 0));
        c.add(new Case("u_lt", (a, b, ua, ub) -> ua.lt(ub).asUInt(), (a, b) -> (a & 7) < (b & 7) ? 1 : 0));
        c.add(new Case("s_ge_wide", (a, b, ua, ub) -> a.resize(5).ge(b), (a, b) -> a >= b ? 1 : 0));
        c.add(new Case("s_resize5", (a, b, ua, ub) -> a.resize(5), (a, b) -> a));
        c.add(new Case("s_and_wide", (a, b, ua, ub) -> a.resize(5).and(b), (a, b) -> a & b));
        c.add(new Case("u_cat", (a, b, ua, ub) -> cat(a, ub).asUInt(), (a, b) -> ((a & 7) << 3) | (b & 7)));
        c.add(new Case("s_neg", (a, b, ua, ub) -> a.negExpand(), (a, b) -> -a));
        c.add(new Case("u_to_s", (a, b, ua, ub) -> ua.toSInt(), (a, b) -> a & 7));
        c.add(new Case("s_slice", (a, b, ua, ub) -> a.slice(2, 1), (a, b) -> a >> 1));
        return c;
    }

    @Test void exhaustiveThreeBitOperands() {
        List<Case> cases = cases();
        Map<String, Ground> types = new LinkedHashMap<>();
        var design = Emit.ofBody("Ops", () -> {
            SInt a = in(SInt(3)).named("a");
            SInt b = in(SInt(3)).named("b");
            UInt ua = a.asUInt();
            UInt ub = b.asUInt();
            for (Case k : cases) {
                Ground r = k.op().build(a, b, ua, ub);
                types.put(k.name(), r);
                Ground port = out(r.cloneType()).named(k.name());
                port.set(r);
            }
        });
        StringBuilder tb = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  reg signed [2:0] a, b;\n  integer i, j;\n");
        StringBuilder conn = new StringBuilder("  Ops dut(.a(a), .b(b)");
        StringBuilder fmt = new StringBuilder("R");
        StringBuilder args = new StringBuilder();
        for (Case k : cases) {
            Ground g = types.get(k.name());
            tb.append("  wire ").append(g.signed() ? "signed " : "").append("[").append(g.width() - 1).append(":0] ").append(k.name()).append(";\n");
            conn.append(", .").append(k.name()).append("(").append(k.name()).append(")");
            fmt.append(" %0d");
            args.append(", ").append(k.name());
        }
        tb.append(conn).append(");\n  initial begin\n    for (i = -4; i < 4; i = i + 1) for (j = -4; j < 4; j = j + 1) begin\n")
                .append("      a = i; b = j; #1 $display(\"").append(fmt).append("\"").append(args).append(");\n    end\n")
                .append("    $display(\"DONE\"); $finish;\n  end\nendmodule\n");
        List<String> expected = new ArrayList<>();
        for (long a = -4; a < 4; a++) {
            for (long b = -4; b < 4; b++) {
                StringBuilder line = new StringBuilder();
                for (Case k : cases) {
                    line.append(line.length() == 0 ? "" : " ").append(k.ref().applyAsLong(s3(a), s3(b)));
                }
                expected.add(line.toString());
            }
        }
        IcarusSim.assertLines(expected, IcarusSim.run(design, tb.toString(), tmp));
    }
}
