package org.edgemoe.hdl.ir;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.testing.Elab;
import org.junit.jupiter.api.Test;

/** The IR dump shows what elaboration built, and reading it changes nothing. */
class IrDumpTest {

    static final class Child extends Module {
        final UInt x = in(UInt(4));
        final UInt y = out(UInt(4));

        Child() {
            y.set(x.plus(1));
        }
    }

    static final class Top extends Module {
        final Bool en = in(Bool());
        final UInt sel = in(UInt(2));
        final UInt value = out(UInt(4));
        final UInt count = reg(UInt(4)).init(0);

        Top() {
            Child c = instance(new Child());
            c.x.set(count);
            when(en, () -> count.set(c.y)).otherwise(() -> count.set(count));
            switchOn(sel).is(1, () -> value.set(count)).otherwise(() -> value.set(0));
        }
    }

    @Test
    void dumpsDeclarationsBodyAndChildren() {
        ModuleIR top = Elab.build(Top::new).topIR();
        String d = IrDump.tree(top);
        assertTrue(d.matches("(?s)module Top  // IrDumpTest\\.java:\\d+\n.*"), d);
        assertTrue(d.contains("  input  io_en : UInt<1>\n"), d);
        assertTrue(d.contains("  output io_value : UInt<4>\n"), d);
        assertTrue(d.matches("(?s).*  reg    count : UInt<4> init (%\\d+)\n  node   \\1 : UInt<4> = 4'd0\n.*"), d);
        assertTrue(d.contains("clock clk, reset reset (sync, active high)"), d);
        assertTrue(d.contains("    io_x <- %"), d);
        assertTrue(d.contains("    io_y -> %"), d);
        assertTrue(d.contains("  body\n    "), d);
        assertTrue(d.contains("when io_en  // IrDumpTest.java:"), d);
        assertTrue(d.contains("      count := "), d);
        assertTrue(d.contains("    else\n      count := count\n"), d);
        assertTrue(d.contains("switch io_sel"), d);
        assertTrue(d.contains("      case 2'd1\n        io_value := count\n"), d);
        assertTrue(d.contains("      default\n        io_value := %"), d);
        assertTrue(d.contains("\nmodule Child  // IrDumpTest.java:"), d);
        assertTrue(d.contains("node   %3 : UInt<4> = (io_x + %2)"), d);
    }

    static final class Ram extends Module {
        final UInt addr = in(UInt(4));
        final UInt data = in(UInt(8));
        final UInt q = out(UInt(8));
        final UInt qa = out(UInt(8));
        final Mem<UInt> m = mem(UInt(8), 16);

        Ram() {
            m.write(addr, data);
            q.set(m.readSync(addr));
            qa.set(m.readAsync(addr));
        }
    }

    @Test
    void dumpsMemoriesAndTheirPorts() {
        String d = IrDump.module(Elab.build(Ram::new).topIR());
        assertTrue(d.contains("  mem    m : UInt<8>[16]\n"), d);
        assertTrue(d.contains("    m[io_addr] <= io_data\n"), d);
        assertTrue(d.matches("(?s).*    %\\d+ <= m\\[io_addr\\]\n.*"), d);
        assertTrue(d.contains("= m[io_addr]"), d);
    }

    @Test
    void dumpingChangesNeitherTheIrNorTheVerilog() {
        ModuleIR top = Elab.build(Top::new).topIR();
        String before = new VerilogEmitter().add(top).render().files().toString();
        String d1 = IrDump.tree(top);
        String mid = new VerilogEmitter().add(top).render().files().toString();
        String d2 = IrDump.tree(top);
        assertEquals(d1, d2, "a dump is deterministic and emission leaves the IR as it was");
        assertEquals(before, mid);
        assertEquals(before, new VerilogEmitter().add(top).render().files().toString());
    }
}
