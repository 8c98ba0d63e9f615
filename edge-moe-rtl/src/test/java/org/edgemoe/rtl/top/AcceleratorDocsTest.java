package org.edgemoe.rtl.top;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgemoe.hdl.lib.regs.RegisterDocs;
import org.junit.jupiter.api.Test;

/** docs/accelerator.md carries the generated register and error tables verbatim; the C header names every register. */
class AcceleratorDocsTest {
    static final Path DOC = Path.of("..", "docs", "accelerator.md");

    @Test
    void theDocumentHasTheGeneratedTables() throws Exception {
        String doc = Files.readString(DOC);
        assertTrue(doc.contains(AcceleratorDocs.registerTable()),
                "docs/accelerator.md: the register table is not the generated one; paste AcceleratorDocs.registerTable()");
        assertTrue(doc.contains(AcceleratorDocs.errorTable()),
                "docs/accelerator.md: the error table is not the generated one; paste AcceleratorDocs.errorTable()");
    }

    @Test
    void cHeaderNamesEveryRegister() {
        String h = RegisterDocs.cHeader(ControlRegisters.MAP, "EDGEMOE");
        for (var r : ControlRegisters.MAP.registers()) {
            assertTrue(h.contains("#define EDGEMOE_" + r.name() + " 0x" + String.format("%03X", r.offset()) + "u"), r.name());
        }
        assertTrue(h.contains("#define EDGEMOE_CTRL_START_MASK 0x00000001u"));
    }
}
