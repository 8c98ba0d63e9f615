package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.edgemoe.hdl.ir.IrDump;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;

/**
 * One module on its way through the {@link EmitPass} pipeline: the netlist, and what each pass has produced
 * so far (port order, legal module, names, blocks, text). Passes run in pipeline order, each once; running
 * a pass before the ones it reads is an error that names them.
 */
final class ModuleEmission {
    final ModuleIR ir;
    final String moduleName;
    final Function<ModuleIR, String> definitionOf;
    List<Signal> ports;
    LegalModule legal;
    Names names;
    List<Block> blocks;
    List<CollectChecks.Placed> checks;
    String text;
    private final Set<EmitPass> done = EnumSet.noneOf(EmitPass.class);

    /** {@code definitionOf} gives the module name printed for each child instance. */
    ModuleEmission(ModuleIR ir, String moduleName, Function<ModuleIR, String> definitionOf) {
        this.ir = ir;
        this.moduleName = moduleName;
        this.definitionOf = definitionOf;
    }

    /** For a module without children (or whose children's names do not matter): children print by definition name. */
    ModuleEmission(ModuleIR ir) {
        this(ir, ir.definitionName(), ModuleIR::definitionName);
    }

    /** Runs one pass; its inputs must have been produced already. */
    ModuleEmission run(EmitPass p) {
        if (done.contains(p)) {
            throw new IllegalStateException("emission pass " + p.passName() + " already ran on " + moduleName);
        }
        List<String> missing = new ArrayList<>();
        for (EmitPass n : p.needs()) {
            if (!done.contains(n)) {
                missing.add(n.passName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("emission pass " + p.passName() + " reads the result of " + String.join(", ", missing)
                    + ": run " + (missing.size() == 1 ? "it" : "them") + " first (order: " + order() + ")");
        }
        p.apply(this);
        done.add(p);
        return this;
    }

    /** Runs every pass up to and including {@code last} that has not run yet, in pipeline order. */
    ModuleEmission runThrough(EmitPass last) {
        for (EmitPass p : EmitPass.ORDER) {
            if (!done.contains(p)) {
                run(p);
            }
            if (p == last) {
                break;
            }
        }
        return this;
    }

    /** The whole pipeline: the module's Verilog text. */
    String print() {
        return runThrough(EmitPass.PRINT).text;
    }

    boolean ran(EmitPass p) {
        return done.contains(p);
    }

    /**
     * The state so far as text: the legalised body with its node wires and temporaries (after legalise),
     * by final names once {@code name} ran; the blocks after {@code group}. Reads only.
     */
    String dump() {
        StringBuilder sb = new StringBuilder("emission of ").append(moduleName).append(" after ");
        List<String> ran = new ArrayList<>();
        EmitPass.ORDER.stream().filter(done::contains).forEach(p -> ran.add(p.passName()));
        sb.append(ran.isEmpty() ? "no pass" : String.join(", ", ran)).append('\n');
        Function<Signal, String> name = names != null ? names::of : IrDump::irName;
        if (ports != null) {
            List<String> ps = new ArrayList<>();
            ports.forEach(p -> ps.add(name.apply(p)));
            sb.append("  ports ").append(String.join(", ", ps)).append('\n');
        }
        if (legal != null) {
            legal.nodeWires.forEach((s, def) -> sb.append("  wire ").append(name.apply(s)).append(" : ").append(IrDump.type(s))
                    .append(" = ").append(IrDump.expr(def, name)).append('\n'));
            legal.resetValues.forEach((s, v) -> sb.append("  init ").append(name.apply(s)).append(" = ").append(IrDump.expr(v, name)).append('\n'));
        }
        if (blocks != null) {
            for (Block b : blocks) {
                if (b instanceof Block.Continuous c) {
                    sb.append("  assign ").append(name.apply(c.target())).append(" = ").append(IrDump.expr(c.value(), name)).append('\n');
                } else if (b instanceof Block.Comb c) {
                    sb.append("  comb\n").append(IrDump.statements(c.body(), 2, name));
                } else if (b instanceof Block.Seq s) {
                    List<String> regs = new ArrayList<>();
                    s.resetRegs().forEach(r -> regs.add(name.apply(r)));
                    sb.append("  seq").append(regs.isEmpty() ? "" : " reset " + String.join(", ", regs)).append('\n')
                            .append(IrDump.statements(s.body(), 2, name));
                }
            }
        } else if (legal != null) {
            sb.append("  body\n").append(IrDump.statements(legal.body, 2, name));
        }
        return sb.toString();
    }

    private static String order() {
        List<String> n = new ArrayList<>();
        EmitPass.ORDER.forEach(p -> n.add(p.passName()));
        return String.join(" -> ", n);
    }
}
