package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.IcarusSim;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exhaustive check of fixed-point resize: every SFix(3,4) input converted to SFix(2,1) and UFix(2,1) with
 * each rounding and overflow mode, simulated in Icarus, against a Java reference of the documented semantics
 * (TRUNCATE = floor, ROUND_HALF_UP = nearest with ties up, CONVERGENT = nearest with ties to even; then
 * WRAP keeps the low bits, SATURATE clamps).
 */
class FixRoundingSimTest {

    static final FixFormat FROM = FixFormat.sfix(3, 4);
    static final FixFormat[] TARGETS = {FixFormat.sfix(2, 1), FixFormat.ufix(2, 1)};

    @TempDir Path tmp;

    static String portName(FixFormat to, Rounding r, Overflow o) {
        return (to.signed() ? "s_" : "u_") + r.name().toLowerCase() + "_" + o.name().toLowerCase();
    }

    /** Reference: raw value of {@code raw} (in FROM) converted to {@code to}. */
    static long reference(long raw, FixFormat to, Rounding r, Overflow o) {
        int drop = FROM.fracBits() - to.fracBits();
        long unit = 1L << drop;
        long q = Math.floorDiv(raw, unit);
        long rem = raw - q * unit;
        long half = unit / 2;
        q += switch (r) {
            case TRUNCATE -> 0;
            case ROUND_HALF_UP -> rem >= half ? 1 : 0;
            case CONVERGENT -> rem > half || (rem == half && (q & 1) != 0) ? 1 : 0;
        };
        int w = to.width();
        long min = to.signed() ? -(1L << (w - 1)) : 0;
        long max = to.signed() ? (1L << (w - 1)) - 1 : (1L << w) - 1;
        if (o == Overflow.SATURATE) {
            return Math.max(min, Math.min(max, q));
        }
        long low = q & ((1L << w) - 1);
        return to.signed() && low > max ? low - (1L << w) : low;
    }

    @Test void exhaustiveAgainstReference() {
        List<String> ports = new ArrayList<>();
        var design = Emit.ofBody("FixRound", () -> {
            Fix x = in(Fix(FROM)).named("x");
            for (FixFormat to : TARGETS) {
                for (Rounding r : Rounding.values()) {
                    for (Overflow o : Overflow.values()) {
                        out(Fix(to)).named(portName(to, r, o)).set(x.resize(to, r, o));
                    }
                }
            }
        });
        StringBuilder tb = new StringBuilder("`timescale 1ns/1ps\nmodule tb;\n  reg signed [6:0] x;\n  integer i;\n");
        StringBuilder conn = new StringBuilder("  FixRound dut(.x(x)");
        StringBuilder fmt = new StringBuilder("R %0d");
        StringBuilder args = new StringBuilder("x");
        for (FixFormat to : TARGETS) {
            for (Rounding r : Rounding.values()) {
                for (Overflow o : Overflow.values()) {
                    String p = portName(to, r, o);
                    ports.add(p);
                    tb.append("  wire ").append(to.signed() ? "signed " : "").append("[").append(to.width() - 1).append(":0] ").append(p).append(";\n");
                    conn.append(", .").append(p).append("(").append(p).append(")");
                    fmt.append(" %0d");
                    args.append(", ").append(p);
                }
            }
        }
        tb.append(conn).append(");\n");
        tb.append("  initial begin\n    for (i = -64; i < 64; i = i + 1) begin\n      x = i; #1 $display(\"")
                .append(fmt).append("\", ").append(args).append(");\n    end\n    $display(\"DONE\"); $finish;\n  end\nendmodule\n");

        List<String> expected = new ArrayList<>();
        for (long raw = -64; raw < 64; raw++) {
            StringBuilder line = new StringBuilder(Long.toString(raw));
            for (FixFormat to : TARGETS) {
                for (Rounding r : Rounding.values()) {
                    for (Overflow o : Overflow.values()) {
                        line.append(' ').append(reference(raw, to, r, o));
                    }
                }
            }
            expected.add(line.toString());
        }
        List<String> actual = IcarusSim.run(design, tb.toString(), tmp);
        IcarusSim.assertLines(expected, actual);
    }
}
