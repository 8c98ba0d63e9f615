package org.edgemoe.hdl.core;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Tool;
import org.edgemoe.hdl.testing.Workdir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** named(...) on a child's port, called in the parent, names the parent's connection wire and leaves the child alone. */
class ChildPortNamingTest {
    @TempDir Path tmp;

    static final String ADDER_V = """
            module Adder (input wire [7:0] a, input wire [7:0] b, output wire [7:0] sum);
              assign sum = a + b;
            endmodule
            """;

    /** A black box whose pins are a, b, sum. */
    static final class Adder extends BlackBox {
        final UInt a = in(UInt(8));
        final UInt b = in(UInt(8));
        final UInt sum = out(UInt(8));

        Adder() {
            setInlineVerilog(ADDER_V);
        }
    }

    static final class Twice extends Module {
        final UInt x = in(UInt(4));
        final UInt y = out(UInt(4));

        Twice() {
            y.set(x.plus(x));
        }
    }

    static final class Parent extends Module {
        final UInt p = in(UInt(8));
        final UInt q = out(UInt(8));
        final UInt r = out(UInt(4));

        Parent() {
            Adder add = instance(new Adder());
            add.a.set(p);
            add.b.set(p);
            q.set(add.sum.named("total"));
            Twice t0 = instance(new Twice());
            Twice t1 = instance(new Twice());
            t0.x.named("first_in").set(p.slice(3, 0));
            t1.x.set(t0.y.named("first_out"));
            r.set(t1.y);
        }
    }

    @Test
    void theParentsWireGetsTheNameAndTheChildKeepsItsPins() {
        EmittedDesign d = Emit.of(Parent::new);
        String v = d.module("Parent");
        assertTrue(v.contains(".sum (total)"), v);
        assertTrue(v.contains("assign io_q = total;"), v);
        assertTrue(v.contains(".io_x (first_in)"), v);
        assertTrue(v.contains(".io_y (first_out)"), v);
        assertEquals(Set.of("Parent.v", "Adder.v", "Twice.v"), d.files().keySet(), "identical children still share one module");
        assertTrue(d.module("Twice").contains("input  wire [3:0] io_x"), d.module("Twice"));
    }

    @Test
    void verilatorFindsEveryPin() {
        Tool.assumeVerilator();
        List<String> files = Workdir.write(Emit.of(Parent::new), tmp);
        Tool.Result r = Tool.run(tmp, Tool.concat(List.of("verilator", "--lint-only", "-Wall", "--top-module", "Parent"), files), 300);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip());
    }

    static final class Grandchild extends Module {
        final UInt deep = out(UInt(4));

        Grandchild() {
            deep.set(3);
        }
    }

    static final class Middle extends Module {
        final UInt o = out(UInt(4));
        final Grandchild g;

        Middle() {
            g = instance(new Grandchild());
            o.set(g.deep);
        }
    }

    static final class Above extends Module {
        final UInt o = out(UInt(4));

        Above() {
            Middle m = instance(new Middle());
            m.g.deep.named("nope");
            o.set(m.o);
        }
    }

    @Test
    void aGrandchildsPortCannotBeNamedFromAbove() {
        List<Diagnostic> ds = Elab.errors(Above::new);
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(ds.get(0).message().startsWith("cannot name 'io_deep': it belongs to module Grandchild, not to Above"), ds.get(0).message());
        assertTrue(ds.get(0).loc().file().equals("ChildPortNamingTest.java"), ds.get(0).toString());
    }
}
