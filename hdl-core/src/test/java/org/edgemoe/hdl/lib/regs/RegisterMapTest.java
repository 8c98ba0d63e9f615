package org.edgemoe.hdl.lib.regs;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.axi.AxiLite4;
import org.edgemoe.hdl.lib.regs.RegisterMap.Access;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Tool;
import org.edgemoe.hdl.testing.Workdir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register description: validation, the generated Markdown / C / Java views, and a lint-clean register file. */
class RegisterMapTest {
    static RegisterMap demo() {
        RegisterMap m = new RegisterMap("Demo", 32, 8);
        m.reg("CTRL", 0x00, "control").field("GO", 0, 1, Access.W1P, "start").field("MODE", 4, 3, Access.RW, 5, "mode").end();
        m.word("COUNT", 0x04, 32, Access.RO, 0, "a counter");
        m.reg("IRQ", 0x08, "interrupts").field("DONE", 0, 1, Access.W1C, "done").end();
        return m;
    }

    @Test
    void badDescriptionsAreRejectedWithTheReason() {
        RegisterMap m = demo();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.reg("OTHER", 0x04, "x")).getMessage().contains("share offset 0x4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.reg("ODD", 0x06, "x")).getMessage().contains("aligned"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.reg("BIG", 0x100, "x")).getMessage().contains("window"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.reg("lower", 0x10, "x")).getMessage().contains("upper case"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.reg("R", 0x10, "x").field("A", 0, 4, Access.RW, "a").field("B", 3, 2, Access.RW, "b"))
                .getMessage().contains("overlap"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.reg("R2", 0x14, "x").field("A", 30, 4, Access.RW, "a")).getMessage().contains("outside"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.reg("R3", 0x18, "x").field("A", 0, 2, Access.RW, 4, "a")).getMessage().contains("does not fit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.register("NOPE")).getMessage().contains("CTRL"));
    }

    @Test
    void markdownCAndJavaViewsComeFromTheSameDescription() {
        RegisterMap m = demo();
        String md = RegisterDocs.markdown(m);
        assertTrue(md.contains("| 0x000 | CTRL | mixed | 0x00000050 | [0] GO (W1P): start<br>[6:4] MODE (RW): mode | control |"), md);
        assertTrue(md.contains("| 0x004 | COUNT | RO | 0x00000000 | [31:0] | a counter |"), md);
        assertTrue(md.contains("reads 0 and ignores writes"), md);
        String h = RegisterDocs.cHeader(m, "DEMO");
        assertTrue(h.contains("#define DEMO_CTRL_MODE_SHIFT 4u"), h);
        assertTrue(h.contains("#define DEMO_CTRL_MODE_MASK 0x00000070u"), h);
        assertTrue(h.contains("#define DEMO_COUNT 0x004u"), h);
        String j = RegisterDocs.javaConstants(m, "a.b", "DemoRegs");
        assertTrue(j.contains("public static final int IRQ_DONE_MASK = 0x00000001;"), j);
        assertTrue(j.contains("public static final int COUNT = 0x004;"), j);
    }

    static final class Demo extends Module {
        final AxiLite4 bus = slave(new AxiLite4(8, 32));
        final Bool go = out(Bool());
        final UInt mode = out(UInt(3));
        final Bool irq = out(Bool());
        final UInt count = in(UInt(32));
        final Bool done = in(Bool());

        Demo() {
            AxiLiteRegisters r = new AxiLiteRegisters(bus, demo());
            go.set(r.pulse("CTRL", "GO"));
            mode.set(r.value("CTRL", "MODE"));
            r.drive("COUNT", count);
            r.set("IRQ", "DONE", done);
            irq.set(r.flag("IRQ", "DONE"));
        }
    }

    @TempDir Path tmp;

    @Test
    void registerFileIsVerilatorLintClean() {
        Tool.assumeVerilator();
        List<String> files = Workdir.write(Emit.of(Demo::new), tmp);
        Tool.Result res = Tool.run(tmp, Tool.concat(List.of("verilator", "--lint-only", "-Wall", "--top-module", "Demo"), files), 300);
        assertEquals(0, res.exitCode(), res.output());
        assertEquals("", res.output().strip(), "verilator warnings");
    }

    @Test
    void driversCheckKindsAndWidths() {
        RegisterMap m = demo();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Emit.of(() -> new Module() {
            {
                setDefinitionName("Bad");
                AxiLite4 bus = slave(new AxiLite4(8, 32));
                new AxiLiteRegisters(bus, m).drive("CTRL", "MODE", U(0, 3));
            }
        }));
        assertTrue(e.getMessage().contains("CTRL.MODE is RW"), e.getMessage());
    }
}
