package org.edgemoe.hdl.emit;

import java.util.List;
import org.edgemoe.hdl.ir.Expr;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SourceLoc;
import org.edgemoe.hdl.ir.Stmt;

/** One top-level item of a module body as printed: a continuous assign or an always block. */
sealed interface Block {

    /** {@code assign target = value;} */
    record Continuous(Signal target, Expr value, SourceLoc loc) implements Block { }

    /** {@code always @(*)} with blocking assignments. */
    record Comb(List<Stmt> body) implements Block { }

    /**
     * {@code always @(posedge clk)} with non-blocking assignments; when {@code resetRegs} is not empty,
     * the body runs in the else branch of the reset.
     */
    record Seq(List<Stmt> body, List<Signal> resetRegs) implements Block { }
}
