package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.ir.Signal;
import org.junit.jupiter.api.Test;

/** Pass {@code group}, after legalise: which targets share an always block, which become assigns. */
class GroupBlocksTest {

    private static List<Block> blocks(Runnable body) {
        ModuleEmission e = PassTesting.emission("G", body).runThrough(EmitPass.LEGALISE);
        return GroupBlocks.run(e.legal);
    }

    @Test
    void aSingleUnconditionalDriverIsAContinuousAssign() {
        List<Block> b = blocks(() -> out(UInt(4)).named("y").set(in(UInt(4)).named("x")));
        assertEquals(1, b.size());
        Block.Continuous c = assertInstanceOf(Block.Continuous.class, b.get(0));
        assertEquals("y", c.target().name());
    }

    @Test
    void targetsOfOneWhenShareACombinationalBlock() {
        List<Block> b = blocks(() -> {
            Bool c = in(Bool()).named("c");
            UInt x = in(UInt(4)).named("x");
            UInt p = out(UInt(4)).named("p");
            UInt q = out(UInt(4)).named("q");
            p.set(0);
            q.set(0);
            when(c, () -> {
                p.set(x);
                q.set(x);
            });
        });
        assertEquals(1, b.size(), b.toString());
        Block.Comb comb = assertInstanceOf(Block.Comb.class, b.get(0));
        assertEquals(3, comb.body().size(), "both defaults and the when");
    }

    @Test
    void combinationalClockedAndResetDomainsNeverMix() {
        List<Block> b = blocks(() -> {
            Bool c = in(Bool()).named("c");
            UInt x = in(UInt(4)).named("x");
            UInt r = reg(UInt(4)).init(0).named("r");
            UInt s = reg(UInt(4)).named("s");
            UInt w = wire(UInt(4)).named("w");
            w.set(0);
            when(c, () -> {
                r.set(x);
                s.set(x);
                w.set(x);
            });
            out(UInt(4)).named("y").set(r.plus(s).plus(w));
        });
        Block.Comb comb = assertInstanceOf(Block.Comb.class, b.get(0));
        Block.Seq withReset = assertInstanceOf(Block.Seq.class, b.get(1));
        Block.Seq plain = assertInstanceOf(Block.Seq.class, b.get(2));
        assertInstanceOf(Block.Continuous.class, b.get(3));
        assertEquals(2, comb.body().size());
        assertEquals(List.of("r"), withReset.resetRegs().stream().map(Signal::name).toList());
        assertEquals(List.of(), plain.resetRegs());
        // each block keeps only its own targets inside the when
        assertEquals(1, withReset.body().size());
        assertEquals(1, plain.body().size());
    }

    @Test
    void filterKeepsStructureOnlyAroundKeptTargets() {
        ModuleEmission e = PassTesting.emission("F", () -> {
            Bool c = in(Bool()).named("c");
            UInt a = out(UInt(4)).named("a");
            UInt b = out(UInt(4)).named("b");
            a.set(0);
            b.set(0);
            when(c, () -> a.set(1)).otherwise(() -> b.set(1));
        }).runThrough(EmitPass.LEGALISE);
        List<org.edgemoe.hdl.ir.Stmt> onlyB = GroupBlocks.filter(e.legal.body, t -> t instanceof Signal s && "b".equals(s.name()));
        assertEquals(2, onlyB.size());
        org.edgemoe.hdl.ir.Stmt.When w = assertInstanceOf(org.edgemoe.hdl.ir.Stmt.When.class, onlyB.get(1));
        assertEquals(List.of(), w.whenTrue());
        assertEquals(1, w.whenFalse().size());
    }
}
