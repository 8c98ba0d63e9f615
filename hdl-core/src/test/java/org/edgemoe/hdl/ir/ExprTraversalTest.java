package org.edgemoe.hdl.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expr.children / map and the Stmt accessors every traversal is built on. */
class ExprTraversalTest {
    private final ModuleIR m = new ModuleIR("T", SourceLoc.UNKNOWN);
    private final Signal a = named(m.newSignal(SignalKind.INPUT, 8, false, SourceLoc.UNKNOWN), "a");
    private final Signal b = named(m.newSignal(SignalKind.INPUT, 8, false, SourceLoc.UNKNOWN), "b");
    private final Memory mem = new Memory(m, 8, false, 4, SourceLoc.UNKNOWN);

    private static Signal named(Signal s, String n) {
        s.suggestName(n, Signal.NameSource.EXPLICIT);
        return s;
    }

    private Expr ra() { return new Expr.Ref(a); }
    private Expr rb() { return new Expr.Ref(b); }

    /** One node of every kind, so a kind added without children() fails here. */
    private List<Expr> everyKind() {
        Expr.Const c = Expr.Const.of(3, 8, false);
        return List.of(ra(), c,
                new Expr.Unary(Expr.UnaryOp.NOT, ra(), 8, false),
                new Expr.Binary(Expr.BinaryOp.ADD, ra(), rb(), 8, false),
                new Expr.Mux(new Expr.Slice(ra(), 0, 0, false), ra(), rb()),
                new Expr.Slice(ra(), 5, 2, false),
                new Expr.Concat(List.of(ra(), rb(), c), false),
                new Expr.Extend(ra(), 12, false),
                new Expr.Reinterpret(ra(), true),
                new Expr.MemRead(mem, new Expr.Slice(ra(), 1, 0, false)));
    }

    @Test
    void childrenAreTheOperandsInOrder() {
        List<Expr> all = everyKind();
        assertEquals(List.of(), all.get(0).children());
        assertEquals(List.of(), all.get(1).children());
        assertEquals(List.of(ra()), all.get(2).children());
        assertEquals(List.of(ra(), rb()), all.get(3).children());
        assertEquals(List.of(new Expr.Slice(ra(), 0, 0, false), ra(), rb()), all.get(4).children());
        assertEquals(3, all.get(6).children().size());
        assertEquals(List.of(new Expr.Slice(ra(), 1, 0, false)), all.get(9).children());
    }

    @Test
    void mapReplacesOperandsAndKeepsTheNode() {
        for (Expr e : everyKind()) {
            assertSame(e, e.map(x -> x), "identity map keeps the node: " + e);
            Expr swapped = e.map(x -> x.equals(ra()) ? rb() : x);
            assertEquals(e.getClass(), swapped.getClass());
            assertEquals(e.width(), swapped.width());
            assertEquals(e.signed(), swapped.signed());
            List<Expr> expected = new ArrayList<>();
            e.children().forEach(x -> expected.add(x.equals(ra()) ? rb() : x));
            assertEquals(expected, swapped.children(), "map applies f to each operand of " + e);
            if (e.children().contains(ra())) {
                assertNotSame(e, swapped);
            }
        }
    }

    @Test
    void refsVisitsEverySignalThroughChildren() {
        List<Signal> seen = new ArrayList<>();
        Expr e = new Expr.Mux(new Expr.Slice(ra(), 0, 0, false), new Expr.Binary(Expr.BinaryOp.SUB, rb(), ra(), 8, false),
                new Expr.MemRead(mem, new Expr.Slice(rb(), 1, 0, false)));
        ExprWalk.refs(e, seen::add);
        assertEquals(List.of(a, b, a, b), seen);
    }

    @Test
    void statementAccessorsCoverEveryKind() {
        Signal w = named(m.newSignal(SignalKind.WIRE, 8, false, SourceLoc.UNKNOWN), "w");
        Signal q = named(m.newSignal(SignalKind.REG, 8, false, SourceLoc.UNKNOWN), "q");
        Stmt assign = new Stmt.Assign(w, ra(), SourceLoc.UNKNOWN);
        Stmt write = new Stmt.MemWrite(mem, new Expr.Slice(ra(), 1, 0, false), rb(), SourceLoc.UNKNOWN);
        Stmt read = new Stmt.MemReadSync(mem, new Expr.Slice(rb(), 1, 0, false), q, SourceLoc.UNKNOWN);
        Stmt when = new Stmt.When(new Expr.Slice(ra(), 7, 7, false), List.of(assign), List.of(write), SourceLoc.UNKNOWN);
        Stmt sw = new Stmt.Switch(new Expr.Slice(rb(), 1, 0, false),
                List.of(new Stmt.Case(List.of(Expr.Const.of(0, 2, false)), List.of(when))), List.of(read), SourceLoc.UNKNOWN);

        assertEquals(w, assign.target());
        assertEquals(mem, write.target());
        assertEquals(q, read.target());
        assertEquals(null, when.target());
        assertEquals(2, when.bodies().size());
        assertEquals(List.of(List.of(when), List.of(read)), sw.bodies());

        List<Stmt> leaves = new ArrayList<>();
        List<Boolean> conditional = new ArrayList<>();
        StmtWalk.leaves(List.of(sw), (s, c) -> {
            leaves.add(s);
            conditional.add(c);
        });
        assertEquals(List.of(assign, write, read), leaves);
        assertEquals(List.of(true, true, true), conditional);

        List<Expr> roots = new ArrayList<>();
        StmtWalk.exprs(List.of(sw), roots::add);
        assertEquals(6, roots.size(), "selector, condition, value, write address and data, read address: " + roots);

        // mapExprs rewrites every expression below, keeping targets and structure
        java.util.function.UnaryOperator<Expr> swap = new java.util.function.UnaryOperator<>() {
            public Expr apply(Expr x) {
                return x.equals(ra()) ? rb() : x.map(this);
            }
        };
        Stmt mapped = sw.mapExprs(swap);
        List<Expr> after = new ArrayList<>();
        StmtWalk.exprs(List.of(mapped), after::add);
        assertTrue(after.stream().noneMatch(x -> x.equals(ra())), after.toString());
        assertEquals(sw.bodies().size(), mapped.bodies().size());
    }
}
