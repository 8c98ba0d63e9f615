package org.edgemoe.hdl.verilog;

import java.math.BigInteger;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.edgemoe.hdl.verilog.parser.VerilogHeaderParser.*;

/**
 * Constant expressions of parameters and ranges: integers (64-bit), reals and strings;
 * + - * / % ** << >> <<< >>>, comparisons, logical and bitwise operators, ?:, $clog2 and parentheses.
 */
final class ConstEval {
    /** The expression is not a constant we evaluate (an unknown name, x/z digits, a function call). */
    static final class NotConstant extends Exception {
        final Token at;

        NotConstant(String message, Token at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private final Map<String, Object> env;

    ConstEval(Map<String, Object> env) {
        this.env = env;
    }

    Object eval(ExprContext e) throws NotConstant {
        if (e instanceof PrimaryExprContext p) {
            return primary(p.primary());
        }
        if (e instanceof UnaryExprContext u) {
            Object v = eval(u.expr());
            return switch (u.op.getText()) {
                case "+" -> v;
                case "-" -> v instanceof Double d ? (Object) (-d) : (Object) (-integer(v, u));
                case "!" -> truth(v, u) ? 0L : 1L;
                default -> ~integer(v, u);
            };
        }
        if (e instanceof TernaryExprContext t) {
            return truth(eval(t.expr(0)), t) ? eval(t.expr(1)) : eval(t.expr(2));
        }
        BinaryExprContext b = (BinaryExprContext) e;
        Object l = eval(b.expr(0));
        Object r = eval(b.expr(1));
        String op = b.op.getText();
        if ((l instanceof Double || r instanceof Double) && !(l instanceof String) && !(r instanceof String)) {
            double x = ((Number) l).doubleValue();
            double y = ((Number) r).doubleValue();
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> x / y;
                case "**" -> Math.pow(x, y);
                case "<" -> x < y ? 1L : 0L;
                case "<=" -> x <= y ? 1L : 0L;
                case ">" -> x > y ? 1L : 0L;
                case ">=" -> x >= y ? 1L : 0L;
                case "==", "===" -> x == y ? 1L : 0L;
                case "!=", "!==" -> x != y ? 1L : 0L;
                default -> throw new NotConstant("operator " + op + " on a real value", b.op);
            };
        }
        if (op.equals("&&")) {
            return truth(l, b) && truth(r, b) ? 1L : 0L;
        }
        if (op.equals("||")) {
            return truth(l, b) || truth(r, b) ? 1L : 0L;
        }
        long x = integer(l, b);
        long y = integer(r, b);
        switch (op) {
            case "/", "%" -> {
                if (y == 0) {
                    throw new NotConstant("division by zero", b.op);
                }
                return op.equals("/") ? x / y : x % y;
            }
            case "**" -> {
                if (y < 0) {
                    return x == 1 ? 1L : 0L;
                }
                return BigInteger.valueOf(x).pow((int) Math.min(y, 64)).longValue();
            }
            default -> { }
        }
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "<<", "<<<" -> y >= 64 ? 0L : x << y;
            case ">>" -> y >= 64 ? 0L : x >>> y;
            case ">>>" -> y >= 64 ? (x < 0 ? -1L : 0L) : x >> y;
            case "<" -> x < y ? 1L : 0L;
            case "<=" -> x <= y ? 1L : 0L;
            case ">" -> x > y ? 1L : 0L;
            case ">=" -> x >= y ? 1L : 0L;
            case "==", "===" -> x == y ? 1L : 0L;
            case "!=", "!==" -> x != y ? 1L : 0L;
            case "&" -> x & y;
            case "|" -> x | y;
            case "^" -> x ^ y;
            default -> throw new NotConstant("operator " + op, b.op);
        };
    }

    private Object primary(PrimaryContext p) throws NotConstant {
        if (p instanceof DecimalNumberContext d) {
            return parseLong(d.DECIMAL().getText().replace("_", ""), 10, d.start);
        }
        if (p instanceof RealNumberContext r) {
            return Double.parseDouble(r.getText().replace("_", ""));
        }
        if (p instanceof StringLiteralContext s) {
            String t = s.getText();
            return t.substring(1, t.length() - 1);
        }
        if (p instanceof ParensContext q) {
            return eval(q.expr());
        }
        if (p instanceof ParamRefContext r) {
            String name = VerilogImporter.identifier(r.identifier());
            Object v = env.get(name);
            if (v == null) {
                throw new NotConstant(env.containsKey(name) ? "parameter " + name + " has no constant value"
                        : "unknown name " + name, r.start);
            }
            return v;
        }
        if (p instanceof SystemCallContext c) {
            String f = c.SYSTEM_ID().getText();
            if (f.equals("$clog2") && c.expr().size() == 1) {
                long v = integer(eval(c.expr(0)), c);
                return v <= 1 ? 0L : (long) (64 - Long.numberOfLeadingZeros(v - 1));
            }
            if ((f.equals("$signed") || f.equals("$unsigned")) && c.expr().size() == 1) {
                return eval(c.expr(0));
            }
            throw new NotConstant("system function " + f + " is not evaluated", c.start);
        }
        BasedNumberContext b = (BasedNumberContext) p;
        String t = b.BASED_NUMBER().getText();
        int k = 1;
        if (t.charAt(k) == 's' || t.charAt(k) == 'S') {
            k++;
        }
        char base = Character.toLowerCase(t.charAt(k));
        String digits = t.substring(k + 1).strip().replace("_", "");
        if (digits.chars().anyMatch(ch -> "xXzZ?".indexOf(ch) >= 0)) {
            throw new NotConstant("x/z digits in " + t, b.start);
        }
        int radix = switch (base) { case 'b' -> 2; case 'o' -> 8; case 'h' -> 16; default -> 10; };
        BigInteger v = new BigInteger(digits, radix);
        if (b.size != null) {
            int size = Integer.parseInt(b.size.getText().replace("_", ""));
            v = v.and(BigInteger.ONE.shiftLeft(size).subtract(BigInteger.ONE));
        }
        return v.longValue();
    }

    private static Long parseLong(String s, int radix, Token at) throws NotConstant {
        try {
            return Long.parseLong(s, radix);
        } catch (NumberFormatException e) {
            throw new NotConstant("number " + s + " does not fit 64 bits", at);
        }
    }

    private static long integer(Object v, ParserRuleContext where) throws NotConstant {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return Math.round(d);
        }
        throw new NotConstant("\"" + v + "\" is not a number", where.start);
    }

    private static boolean truth(Object v, ParserRuleContext where) throws NotConstant {
        if (v instanceof Double d) {
            return d != 0;
        }
        return integer(v, where) != 0;
    }
}
