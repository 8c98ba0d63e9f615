package org.edgemoe.hdl.emit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.ir.Bools;
import org.edgemoe.hdl.ir.CheckFormat;
import org.edgemoe.hdl.ir.ClockConfig;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Stmt;

/**
 * Prints a module's checks (part of the print pass: layout only). Everything sits inside
 * {@code `ifndef SYNTHESIS}, so synthesis never sees it, in two forms:
 * <ul>
 * <li>{@code `ifdef FORMAL} (Yosys {@code read_verilog -formal}): per check a wire that holds while the check does
 * ({@code !guard || cond}, commented with the check's line and message, so a counterexample's waveform shows which
 * failed), asserted or assumed in a combinational block outside reset;</li>
 * <li>otherwise, simulation: a block on the rising clock edge. With {@code HDL_SIM_DPI} defined (the testbench's
 * Verilator build) a failure or report calls the DPI function {@code hdl_sim_event(kind, where, message)} with
 * the message formatted by {@code $sformatf}, so the Java side sees it; without it (any other simulator)
 * {@code $display} prints it and a failed assertion ends the run with {@code $finish}.</li>
 * </ul>
 */
final class CheckPrinter {
    private static final String IND = "  ";
    /** Event kinds passed to {@code hdl_sim_event}; the testbench reads the same numbers. */
    static final int ASSERT_KIND = 1;
    static final int ASSUME_KIND = 2;
    static final int REPORT_KIND = 3;

    private final LegalModule lm;
    private final Names names;
    private final ExprPrinter ex;
    private final List<CollectChecks.Placed> checks;

    CheckPrinter(LegalModule lm, Names names, ExprPrinter ex, List<CollectChecks.Placed> checks) {
        this.lm = lm;
        this.names = names;
        this.ex = ex;
        this.checks = checks;
    }

    void print(StringBuilder sb) {
        ModuleIR m = lm.ir;
        ClockConfig cc = m.clockConfig();
        String rst = names.of(m.reset());
        String active = cc.resetActiveHigh() ? "!" + rst : rst;
        sb.append("`ifndef SYNTHESIS\n");
        sb.append(IND).append("// assertAlways / assume / report: simulation and formal only, never synthesised\n");
        boolean formal = checks.stream().anyMatch(p -> p.check().kind() != Stmt.CheckKind.REPORT);
        if (formal) {
            sb.append("`ifdef FORMAL\n");
            for (CollectChecks.Placed p : checks) {
                Stmt.Check c = p.check();
                if (c.kind() == Stmt.CheckKind.REPORT) {
                    continue;
                }
                Expr holds = Bools.or(Bools.not(p.guard()), c.cond());
                sb.append(IND).append("wire ").append(p.wire()).append(" = ").append(ex.print(holds)).append("; // ")
                        .append(c.loc()).append(": ").append(comment(c.format())).append('\n');
            }
            sb.append(IND).append("always @(*) begin\n");
            sb.append(IND.repeat(2)).append("if (").append(active).append(") begin\n");
            for (CollectChecks.Placed p : checks) {
                Stmt.Check c = p.check();
                if (c.kind() != Stmt.CheckKind.REPORT) {
                    sb.append(IND.repeat(3)).append(c.kind() == Stmt.CheckKind.ASSERT ? "assert" : "assume")
                            .append(" (").append(p.wire()).append(");\n");
                }
            }
            sb.append(IND.repeat(2)).append("end\n");
            sb.append(IND).append("end\n");
            sb.append("`else\n");
        }
        sb.append("`ifdef HDL_SIM_DPI\n");
        sb.append(IND).append("import \"DPI-C\" context function void hdl_sim_event(input int kind, input string where, input string message);\n");
        sb.append("`endif\n");
        sb.append(IND).append("always @(posedge ").append(names.of(m.clock())).append(") begin\n");
        sb.append(IND.repeat(2)).append("if (").append(active).append(") begin\n");
        for (CollectChecks.Placed p : checks) {
            printSimCheck(sb, p);
        }
        sb.append(IND.repeat(2)).append("end\n");
        sb.append(IND).append("end\n");
        if (formal) {
            sb.append("`endif\n");
        }
        sb.append("`endif\n");
    }

    private void printSimCheck(StringBuilder sb, CollectChecks.Placed p) {
        Stmt.Check c = p.check();
        String ind = IND.repeat(3);
        Expr fires = c.kind() == Stmt.CheckKind.REPORT ? p.guard() : Bools.and(p.guard(), Bools.not(c.cond()));
        int kind = switch (c.kind()) {
            case ASSERT -> ASSERT_KIND;
            case ASSUME -> ASSUME_KIND;
            case REPORT -> REPORT_KIND;
        };
        String where = c.loc().toString();
        Format f = format(c);
        sb.append(ind).append("if (").append(ex.print(fires)).append(") begin // ").append(where).append('\n');
        sb.append("`ifdef HDL_SIM_DPI\n");
        sb.append(ind).append(IND).append("hdl_sim_event(").append(kind).append(", \"").append(escape(where)).append("\", ");
        if (f.args.isEmpty()) {
            sb.append('"').append(f.text).append('"');
        } else {
            sb.append("$sformatf(\"").append(f.text).append("\", ").append(String.join(", ", f.args)).append(')');
        }
        sb.append(");\n");
        sb.append("`else\n");
        String prefix = switch (c.kind()) {
            case ASSERT -> "%m: assertion failed at " + escape(where) + ": ";
            case ASSUME -> "%m: assumption failed at " + escape(where) + ": ";
            case REPORT -> "%m: " + escape(where) + ": ";
        };
        sb.append(ind).append(IND).append("$display(\"").append(prefix).append(f.text).append('"');
        for (String a : f.args) {
            sb.append(", ").append(a);
        }
        sb.append(");\n");
        if (c.kind() != Stmt.CheckKind.REPORT) {
            sb.append(ind).append(IND).append("$finish;\n");
        }
        sb.append("`endif\n");
        sb.append(ind).append("end\n");
    }

    /** A Verilog format string and its arguments. */
    private record Format(String text, List<String> args) { }

    private Format format(Stmt.Check c) {
        StringBuilder text = new StringBuilder();
        List<String> args = new ArrayList<>();
        int k = 0;
        for (CheckFormat.Part part : CheckFormat.parse(c.format())) {
            if (!part.isConversion()) {
                text.append(escape(part.text()).replace("%", "%%"));
                continue;
            }
            Expr a = c.args().get(k);
            FixFormat fmt = c.argFormats().get(k);
            k++;
            char conv = part.conversion();
            if (conv == 'f' || (conv == 's' && fmt != null)) {
                text.append("%f");
                args.add(real(a, fmt));
            } else if (conv == 'x') {
                text.append("%0h");
                args.add(ex.print(a));
            } else if (conv == 'b') {
                text.append("%0b");
                args.add(ex.print(a));
            } else {
                text.append("%0d");
                args.add(a.signed() ? "$signed(" + ex.print(a) + ")" : ex.print(a));
            }
        }
        return new Format(text.toString(), args);
    }

    /** The real value of a fixed-point expression: its integer value scaled by 2^-fracBits. */
    private String real(Expr a, FixFormat fmt) {
        String v = "$itor(" + (a.signed() ? "$signed(" + ex.print(a) + ")" : ex.print(a)) + ")";
        int frac = fmt.fracBits();
        if (frac == 0) {
            return v;
        }
        String scale = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(Math.abs(frac))).toPlainString() + ".0";
        return "(" + v + (frac > 0 ? " / " : " * ") + scale + ")";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(ch < 0x20 ? ' ' : ch);
            }
        }
        return b.toString();
    }

    private static String comment(String s) {
        return s.replace('\n', ' ').replace("*/", "* /");
    }
}
