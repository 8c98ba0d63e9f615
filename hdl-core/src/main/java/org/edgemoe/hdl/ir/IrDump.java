package org.edgemoe.hdl.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A text dump of the netlist IR, for reading what elaboration built and what a pass changed. It never
 * changes the IR (no name is allocated, nothing is cached on a signal), so dumping between two passes
 * cannot change the Verilog. The format:
 * <pre>
 * module Counter  // Counter.java:12
 *   param WIDTH = 8
 *   input  clk : UInt&lt;1&gt;
 *   output io_value : UInt&lt;8&gt;
 *   reg    count : UInt&lt;8&gt; init 8'd0
 *   node   %7 : UInt&lt;9&gt; = (count + 9'd1)
 *   body
 *     when io_en  // Counter.java:15
 *       count := %7[7:0]
 * </pre>
 * A signal is shown by its IR name, or {@code %<serial>} when it has none (names are final only after the
 * naming pass). Operators print infix in parentheses; {@code zext} / {@code sext} are extensions,
 * {@code as_s} / {@code as_u} reinterpretations, {@code a ? b : c} a multiplexer, {@code {a, b}} a concatenation.
 */
public final class IrDump {
    private final Function<Signal, String> nameOf;

    private IrDump(Function<Signal, String> nameOf) {
        this.nameOf = nameOf;
    }

    /** One module: header, declarations (ports, wires, registers, nodes, memories, instances), body. */
    public static String module(ModuleIR m) {
        StringBuilder sb = new StringBuilder();
        new IrDump(IrDump::irName).module(m, sb);
        return sb.toString();
    }

    /** The module and every distinct module below it, parents first, each once. */
    public static String tree(ModuleIR top) {
        StringBuilder sb = new StringBuilder();
        Map<ModuleIR, Boolean> seen = new IdentityHashMap<>();
        List<ModuleIR> work = new ArrayList<>(List.of(top));
        IrDump d = new IrDump(IrDump::irName);
        for (int i = 0; i < work.size(); i++) {
            ModuleIR m = work.get(i);
            if (seen.put(m, Boolean.TRUE) != null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            d.module(m, sb);
            for (Instance inst : m.instances()) {
                work.add(inst.child());
            }
        }
        return sb.toString();
    }

    /** One expression, signals by IR name. */
    public static String expr(Expr e) {
        return new IrDump(IrDump::irName).print(e);
    }

    /** One expression, signals named by {@code nameOf} (an emission pass's view of the names). */
    public static String expr(Expr e, Function<Signal, String> nameOf) {
        return new IrDump(nameOf).print(e);
    }

    /** A statement list indented by {@code depth} levels, signals named by {@code nameOf}. */
    public static String statements(List<Stmt> stmts, int depth, Function<Signal, String> nameOf) {
        StringBuilder sb = new StringBuilder();
        new IrDump(nameOf).stmts(stmts, depth, sb);
        return sb.toString();
    }

    /** A signal's IR name, {@code %<serial>} when it has none, {@code %t<n>} for an emission temporary. */
    public static String irName(Signal s) {
        if (s.name() != null) {
            return s.name();
        }
        return s.serial() >= ModuleIR.TEMPORARY_SERIAL ? "%t" + (s.serial() - ModuleIR.TEMPORARY_SERIAL) : "%" + s.serial();
    }

    /** {@code UInt<8>}, {@code SInt<18> SQ8.10}. */
    public static String type(Signal s) {
        String t = (s.signed() ? "SInt<" : "UInt<") + s.width() + ">";
        return s.fixFormat() != null ? t + " " + s.fixFormat() : t;
    }

    private void module(ModuleIR m, StringBuilder sb) {
        sb.append("module ").append(m.definitionName());
        if (!m.definitionName().equals(m.className())) {
            sb.append(" (").append(m.className()).append(')');
        }
        if (m.isBlackBox()) {
            sb.append(" blackbox");
        }
        sb.append("  // ").append(m.loc()).append('\n');
        m.parameters().forEach((k, v) -> sb.append("  param ").append(k).append(" = ").append(v).append('\n'));
        if (m.hasClock() || m.hasReset()) {
            ClockConfig cc = m.clockConfig();
            sb.append("  clock ").append(m.hasClock() ? irName(m.clockOrNull()) : "-")
                    .append(", reset ").append(m.hasReset() ? irName(m.resetOrNull()) : "-")
                    .append(" (").append(cc.resetKind().name().toLowerCase()).append(", active ")
                    .append(cc.resetActiveHigh() ? "high" : "low").append(")\n");
        }
        for (Signal s : m.signals()) {
            sb.append("  ").append(pad(kind(s), 6)).append(' ').append(nameOf.apply(s)).append(" : ").append(type(s));
            if (s.definition() != null && s.kind() == SignalKind.NODE) {
                sb.append(" = ").append(print(s.definition()));
            }
            if (s.resetValue() != null) {
                sb.append(" init ").append(print(s.resetValue()));
            }
            if (s.isPublic()) {
                sb.append(" public");
            }
            sb.append('\n');
        }
        for (Memory mem : m.memories()) {
            sb.append("  mem    ").append(memName(mem)).append(" : ")
                    .append(mem.signed() ? "SInt<" : "UInt<").append(mem.width()).append(">[").append(mem.depth()).append(']');
            if (mem.init() != null) {
                sb.append(" init ").append(mem.init().size()).append(" words");
            }
            sb.append('\n');
        }
        for (int k = 0; k < m.instances().size(); k++) {
            Instance inst = m.instances().get(k);
            sb.append("  inst   ").append(inst.name() != null ? inst.name() : "%inst" + k).append(" : ")
                    .append(inst.child().definitionName()).append("  // ").append(inst.loc()).append('\n');
            inst.bindings().forEach((port, side) -> sb.append("    ").append(port.name())
                    .append(port.kind() == SignalKind.INPUT ? " <- " : " -> ").append(nameOf.apply(side)).append('\n'));
        }
        if (!m.body().isEmpty()) {
            sb.append("  body\n");
            stmts(m.body(), 2, sb);
        }
    }

    private static String kind(Signal s) {
        return switch (s.kind()) {
            case INPUT -> "input";
            case OUTPUT -> "output";
            case WIRE -> "wire";
            case REG -> "reg";
            case NODE -> "node";
            case INSTANCE_PORT -> "port";
        };
    }

    private void stmts(List<Stmt> stmts, int depth, StringBuilder sb) {
        for (Stmt s : stmts) {
            stmt(s, depth, sb);
        }
    }

    private void stmt(Stmt s, int depth, StringBuilder sb) {
        String ind = "  ".repeat(depth);
        if (s instanceof Stmt.Assign a) {
            sb.append(ind).append(nameOf.apply(a.target())).append(" := ").append(print(a.value())).append('\n');
        } else if (s instanceof Stmt.MemWrite w) {
            sb.append(ind).append(memName(w.memory())).append('[').append(print(w.address())).append("] <= ")
                    .append(print(w.data())).append('\n');
        } else if (s instanceof Stmt.MemReadSync r) {
            sb.append(ind).append(nameOf.apply(r.target())).append(" <= ").append(memName(r.memory())).append('[')
                    .append(print(r.address())).append("]\n");
        } else if (s instanceof Stmt.When w) {
            sb.append(ind).append("when ").append(print(w.cond())).append("  // ").append(w.loc()).append('\n');
            stmts(w.whenTrue(), depth + 1, sb);
            if (!w.whenFalse().isEmpty()) {
                sb.append(ind).append("else\n");
                stmts(w.whenFalse(), depth + 1, sb);
            }
        } else if (s instanceof Stmt.Check c) {
            sb.append(ind).append(c.kind().name().toLowerCase());
            if (c.kind() != Stmt.CheckKind.REPORT) {
                sb.append(' ').append(print(c.cond()));
            }
            sb.append(" \"").append(c.format()).append('"');
            c.args().forEach(a -> sb.append(", ").append(print(a)));
            sb.append("  // ").append(c.loc()).append('\n');
        } else if (s instanceof Stmt.Switch sw) {
            sb.append(ind).append("switch ").append(print(sw.selector())).append("  // ").append(sw.loc()).append('\n');
            for (Stmt.Case c : sw.cases()) {
                List<String> labels = new ArrayList<>();
                c.values().forEach(v -> labels.add(print(v)));
                sb.append(ind).append("  case ").append(String.join(", ", labels));
                if (c.comment() != null) {
                    sb.append(" /* ").append(c.comment()).append(" */");
                }
                sb.append('\n');
                stmts(c.body(), depth + 2, sb);
            }
            if (!sw.otherwise().isEmpty()) {
                sb.append(ind).append("  default\n");
                stmts(sw.otherwise(), depth + 2, sb);
            }
        }
    }

    private static String memName(Memory m) {
        return m.name() != null ? m.name() : "%mem" + m.owner().memories().indexOf(m);
    }

    String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    private void print(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Ref r) {
            sb.append(nameOf.apply(r.signal()));
        } else if (e instanceof Expr.Const c) {
            BigInteger n = c.numeric();
            sb.append(n.signum() < 0 ? "-" : "").append(c.width()).append(c.signed() ? "'sd" : "'d").append(n.abs());
        } else if (e instanceof Expr.Unary u) {
            sb.append(switch (u.op()) {
                case NOT -> "~";
                case NEG -> "-";
                case AND_REDUCE -> "&";
                case OR_REDUCE -> "|";
                case XOR_REDUCE -> "^";
            });
            print(u.a(), sb);
        } else if (e instanceof Expr.Binary b) {
            sb.append('(');
            print(b.a(), sb);
            sb.append(' ').append(b.op().verilog).append(' ');
            print(b.b(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Mux m) {
            sb.append('(');
            print(m.cond(), sb);
            sb.append(" ? ");
            print(m.whenTrue(), sb);
            sb.append(" : ");
            print(m.whenFalse(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Slice s) {
            print(s.a(), sb);
            sb.append('[').append(s.hi());
            if (s.hi() != s.lo()) {
                sb.append(':').append(s.lo());
            }
            sb.append(']');
            if (s.signed()) {
                sb.append(".as_s");
            }
        } else if (e instanceof Expr.Concat c) {
            sb.append('{');
            for (int i = 0; i < c.parts().size(); i++) {
                sb.append(i > 0 ? ", " : "");
                print(c.parts().get(i), sb);
            }
            sb.append('}');
            if (c.signed()) {
                sb.append(".as_s");
            }
        } else if (e instanceof Expr.Extend x) {
            sb.append(x.a().signed() ? "sext" : "zext").append('(');
            print(x.a(), sb);
            sb.append(", ").append(x.width()).append(')');
        } else if (e instanceof Expr.Reinterpret r) {
            sb.append(r.signed() ? "as_s(" : "as_u(");
            print(r.a(), sb);
            sb.append(')');
        } else if (e instanceof Expr.MemRead m) {
            sb.append(memName(m.memory())).append('[');
            print(m.address(), sb);
            sb.append(']');
        }
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
