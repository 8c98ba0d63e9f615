package org.edgemoe.hdl.emit;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.ir.Instance;
import org.edgemoe.hdl.ir.ModuleIR;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.testing.Elab;
import org.junit.jupiter.api.Test;

/** Pass {@code name}, after ports and legalise: final identifiers, clashes, keywords, temporaries, instance ports. */
class NamesTest {

    static final class Leaf extends Module {
        final UInt x = in(UInt(4));
        final UInt y = out(UInt(4));

        Leaf() {
            y.set(x);
        }
    }

    static final class Holder extends Module {
        final UInt a = in(UInt(4));
        final UInt b = out(UInt(4));

        Holder() {
            Leaf l = instance(new Leaf());
            l.x.set(a);
            b.set(l.y);
        }
    }

    private static Names names(ModuleIR m) {
        ModuleEmission e = new ModuleEmission(m).runThrough(EmitPass.LEGALISE);
        return Names.allocate(e.legal, e.ports);
    }

    @Test
    void portsKeepTheirNamesAndClashesGetASuffix() {
        ModuleIR m = PassTesting.module("Clash", () -> {
            UInt a = in(UInt(4)).named("a");
            UInt w1 = wire(UInt(4)).named("w");
            UInt w2 = wire(UInt(4)).named("w");
            UInt w3 = wire(UInt(4)).named("a");
            w1.set(a);
            w2.set(w1);
            w3.set(w2);
            out(UInt(4)).named("y").set(w3);
        });
        Names n = names(m);
        List<String> got = new ArrayList<>();
        for (Signal s : m.signals()) {
            if (s.kind() != org.edgemoe.hdl.ir.SignalKind.NODE) {
                got.add(n.of(s));
            }
        }
        assertEquals(List.of("a", "w", "w_1", "a_1", "y"), got);
    }

    @Test
    void temporariesAreNumberedInDeclarationOrder() {
        ModuleIR m = PassTesting.module("Temps", () -> {
            UInt a = in(UInt(8)).named("a");
            UInt b = in(UInt(8)).named("b");
            out(UInt(2)).named("p").set(a.plusExpand(b).slice(8, 7));
            out(UInt(2)).named("q").set(a.minusExpand(b).slice(8, 7));
        });
        ModuleEmission e = new ModuleEmission(m).runThrough(EmitPass.NAME);
        List<String> wires = new ArrayList<>();
        e.legal.nodeWires.keySet().forEach(s -> wires.add(e.names.of(s)));
        assertEquals(List.of("_zz_0", "_zz_1"), wires);
    }

    @Test
    void aChildPortSeenFromTheParentIsInstanceUnderscorePort() {
        ModuleIR m = Elab.build(Holder::new).topIR();
        Names n = names(m);
        Instance inst = m.instances().get(0);
        assertEquals("leaf_0", n.of(inst));
        List<String> sides = new ArrayList<>();
        inst.bindings().values().forEach(s -> sides.add(n.of(s)));
        assertEquals(List.of("leaf_0_io_x", "leaf_0_io_y"), sides);
        assertTrue(n.of(m.signals().get(0)).equals("io_a"), n.of(m.signals().get(0)));
    }
}
