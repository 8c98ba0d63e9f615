package org.edgemoe.hdl.emit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.Stmt;

/**
 * A module made ready for printing: statements whose expressions Verilog can express directly,
 * the operator nodes that become named wires (with their definitions), and the ones printed inline.
 */
final class LegalModule {
    final ModuleIR ir;
    /** Statements with legal expressions, in source order. */
    final List<Stmt> body = new ArrayList<>();
    /** Operator nodes declared as wires (field-named, shared or needing an index), with legal definitions, in order. */
    final Map<Signal, Expr> nodeWires = new java.util.LinkedHashMap<>();
    /** Register reset values, legalised. */
    final Map<Signal, Expr> resetValues = new IdentityHashMap<>();
    /** Non-node signals that appear in the printed module (ports, wires, regs, instance ports, temps). */
    final Set<Signal> live;

    LegalModule(ModuleIR ir, Set<Signal> live) {
        this.ir = ir;
        this.live = live;
    }
}
