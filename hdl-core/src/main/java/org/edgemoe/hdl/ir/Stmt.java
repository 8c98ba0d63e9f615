package org.edgemoe.hdl.ir;

import java.util.List;

/**
 * Statements of a module body. When and Switch stay trees down to emission, so the Verilog keeps
 * if / case; inside them the last assignment wins.
 */
public sealed interface Stmt {

    SourceLoc loc();

    record Assign(Signal target, Expr value, SourceLoc loc) implements Stmt { }

    record When(Expr cond, List<Stmt> whenTrue, List<Stmt> whenFalse, SourceLoc loc) implements Stmt { }

    /** One case item; {@code comment} (or null) is printed after its labels, e.g. the enum value names. */
    record Case(List<Expr.Const> values, List<Stmt> body, String comment) {
        public Case(List<Expr.Const> values, List<Stmt> body) {
            this(values, body, null);
        }

        /** The same labels and comment with another body (for passes that rewrite statements). */
        public Case withBody(List<Stmt> newBody) {
            return new Case(values, newBody, comment);
        }
    }

    record Switch(Expr selector, List<Case> cases, List<Stmt> otherwise, SourceLoc loc) implements Stmt {
        /** True when the cases cover every selector value, so no default is needed for completeness. */
        public boolean isFull() {
            if (selector.width() > 20) {
                return false;
            }
            long n = 0;
            for (Case c : cases) {
                n += c.values().size();
            }
            return n >= (1L << selector.width());
        }
    }

    /** A synchronous write port access: mem[address] <= data on the clock edge. */
    record MemWrite(Memory memory, Expr address, Expr data, SourceLoc loc) implements Stmt { }

    /** A synchronous read port access: target <= mem[address] on the clock edge. */
    record MemReadSync(Memory memory, Expr address, Signal target, SourceLoc loc) implements Stmt { }
}
