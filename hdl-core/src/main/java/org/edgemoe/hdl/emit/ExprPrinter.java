package org.edgemoe.hdl.emit;

import java.math.BigInteger;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Expr.BinaryOp;
import org.edgemoe.hdl.ir.Signal;

/**
 * Prints legal expressions. Operand widths already equal the result width, so Verilog's context sizing
 * changes nothing. Signedness changes the value of only two operators: ordering comparisons (their
 * operands form their own context and get {@code $signed} / {@code $unsigned} as needed) and the
 * arithmetic right shift, whose left operand is context-determined: it is printed self-determined as
 * {@code $signed($signed(a) >>> n)}, so no enclosing unsigned operand can turn it into a logical shift.
 * Add, subtract, multiply (low bits), bitwise, negate, left shift and reductions do not depend on it;
 * multiplies still get {@code $signed} operands for synthesis. A unary operator's operand that is itself
 * a unary expression is parenthesised (Verilog-2005 wants a primary there).
 */
final class ExprPrinter {
    private final Names names;

    ExprPrinter(Names names) {
        this.names = names;
    }

    String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb, false);
        return sb.toString();
    }

    private void print(Expr e, StringBuilder sb, boolean nested) {
        if (e instanceof Expr.Ref r) {
            sb.append(names.of(r.signal()));
        } else if (e instanceof Expr.Const c) {
            String lit = constant(c);
            sb.append(nested && lit.startsWith("-") ? "(" + lit + ")" : lit);
        } else if (e instanceof Expr.Unary u) {
            sb.append(switch (u.op()) {
                case NOT -> "~";
                case NEG -> "-";
                case AND_REDUCE -> "&";
                case OR_REDUCE -> "|";
                case XOR_REDUCE -> "^";
            });
            // Verilog-2005 wants a primary after a unary operator: ~(~x), ^(-s), never ~~x.
            boolean paren = unwrap(u.a()) instanceof Expr.Unary;
            if (paren) {
                sb.append('(');
            }
            print(u.a(), sb, true);
            if (paren) {
                sb.append(')');
            }
        } else if (e instanceof Expr.Binary b && b.op() == BinaryOp.SSHR) {
            // An arithmetic shift's left operand is context-determined: in an unsigned context (a
            // concatenation, an unsigned operand beside it) Verilog would shift in zeros. $signed(...) makes
            // the shift self-determined, so it sign-fills wherever it is printed.
            sb.append("$signed(");
            operand(b.a(), sb, true, true);
            sb.append(" >>> ");
            operand(b.b(), sb, true, false);
            sb.append(')');
        } else if (e instanceof Expr.Binary b) {
            if (nested) {
                sb.append('(');
            }
            boolean sensitive = isSignSensitive(b.op());
            operand(b.a(), sb, sensitive, b.signed());
            sb.append(' ').append(b.op().verilog).append(' ');
            if (b.op().isShift()) {
                operand(b.b(), sb, true, false);
            } else {
                operand(b.b(), sb, sensitive, b.signed());
            }
            if (nested) {
                sb.append(')');
            }
        } else if (e instanceof Expr.Mux m) {
            if (nested) {
                sb.append('(');
            }
            print(m.cond(), sb, true);
            sb.append(" ? ");
            print(m.whenTrue(), sb, true);
            sb.append(" : ");
            print(m.whenFalse(), sb, true);
            if (nested) {
                sb.append(')');
            }
        } else if (e instanceof Expr.Slice s) {
            indexTarget(s.a(), sb);
            if (s.a().width() == 1) {
                return; // a 1-bit signal is its own bit 0
            }
            sb.append('[').append(s.hi());
            if (s.hi() != s.lo()) {
                sb.append(':').append(s.lo());
            }
            sb.append(']');
        } else if (e instanceof Expr.Concat c) {
            sb.append('{');
            for (int i = 0; i < c.parts().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                print(c.parts().get(i), sb, false);
            }
            sb.append('}');
        } else if (e instanceof Expr.Extend x) {
            int n = x.width() - x.a().width();
            if (x.a().signed() && n == 1) {
                sb.append('{');
                signBit(x.a(), sb);
                sb.append(", ");
            } else if (x.a().signed()) {
                sb.append("{{").append(n).append('{');
                signBit(x.a(), sb);
                sb.append("}}, ");
            } else {
                sb.append('{').append(n).append("'d0, ");
            }
            print(x.a(), sb, false);
            sb.append('}');
        } else if (e instanceof Expr.Reinterpret r) {
            print(r.a(), sb, nested);
        } else if (e instanceof Expr.MemRead m) {
            sb.append(names.of(m.memory())).append('[');
            print(m.address(), sb, false);
            sb.append(']');
        }
    }

    private static Expr unwrap(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Reinterpret r) {
            x = r.a();
        }
        return x;
    }

    private void indexTarget(Expr a, StringBuilder sb) {
        Expr base = a instanceof Expr.Reinterpret r ? r.a() : a;
        if (!(base instanceof Expr.Ref)) {
            throw new IllegalStateException("internal: slice of a non-signal survived legalisation: " + a);
        }
        print(base, sb, false);
    }

    private void signBit(Expr a, StringBuilder sb) {
        if (a instanceof Expr.Slice s) {
            indexTarget(s.a(), sb);
            if (s.a().width() > 1) {
                sb.append('[').append(s.hi()).append(']');
            }
            return;
        }
        Expr base = a instanceof Expr.Reinterpret r ? r.a() : a;
        print(base, sb, false);
        if (base.width() > 1) {
            sb.append('[').append(base.width() - 1).append(']');
        }
    }

    private void operand(Expr a, StringBuilder sb, boolean sensitive, boolean wantSigned) {
        if (sensitive && wantSigned != verilogSigned(a)) {
            sb.append(wantSigned ? "$signed(" : "$unsigned(");
            print(a, sb, false);
            sb.append(')');
        } else {
            print(a, sb, true);
        }
    }

    private static boolean isSignSensitive(BinaryOp op) {
        // MUL: the low bits do not depend on signedness, but synthesis does. Yosys only narrows a
        // multiplier's sign-extended inputs when the multiply is signed (one DSP48E2 instead of three).
        return op == BinaryOp.LT || op == BinaryOp.LE || op == BinaryOp.GT || op == BinaryOp.GE
                || op == BinaryOp.SSHR || op == BinaryOp.SHL || op == BinaryOp.SHR || op == BinaryOp.MUL;
    }

    /** Whether Verilog sees the printed expression as signed. */
    static boolean verilogSigned(Expr e) {
        if (e instanceof Expr.Ref r) {
            return r.signal().signed();
        } else if (e instanceof Expr.Const c) {
            return c.signed();
        } else if (e instanceof Expr.Reinterpret r) {
            return verilogSigned(r.a());
        } else if (e instanceof Expr.Unary u) {
            return (u.op() == Expr.UnaryOp.NOT || u.op() == Expr.UnaryOp.NEG) && verilogSigned(u.a());
        } else if (e instanceof Expr.Binary b) {
            if (b.op().isComparison()) {
                return false;
            }
            if (b.op() == BinaryOp.SSHR) {
                return true; // printed as $signed(a >>> n)
            }
            return b.op().isShift() ? verilogSigned(b.a()) : verilogSigned(b.a()) && verilogSigned(b.b());
        } else if (e instanceof Expr.Mux m) {
            return verilogSigned(m.whenTrue()) && verilogSigned(m.whenFalse());
        } else if (e instanceof Expr.MemRead m) {
            return m.memory().signed();
        }
        return false;
    }

    static String constant(Expr.Const c) {
        if (c.width() == 1 && !c.signed()) {
            return "1'b" + c.value();
        }
        BigInteger n = c.numeric();
        String digits = c.width() > 64 ? "h" + n.abs().toString(16) : "d" + n.abs();
        String lit = c.width() + "'" + (c.signed() ? "s" : "") + digits;
        if (n.signum() < 0) {
            // The most negative value has no positive twin in its width: print its bit pattern.
            if (n.equals(BigInteger.ONE.shiftLeft(c.width() - 1).negate())) {
                return c.width() + "'sh" + c.value().toString(16);
            }
            return "-" + lit;
        }
        return lit;
    }

    static String range(Signal s) {
        return s.width() == 1 ? "" : "[" + (s.width() - 1) + ":0] ";
    }
}
