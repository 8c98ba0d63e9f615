package org.edgemoe.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in edgemoe_isa.h matches the instruction set the RTL is built from. */
class IsaHeaderTest {
    @Test
    void theCheckedInHeaderMatchesTheInstructionSet() throws Exception {
        assertEquals(IsaHeader.cHeader(), Files.readString(Path.of("..").resolve(IsaHeader.C_HEADER)), IsaHeader.C_HEADER
                + " drifted from org.edgemoe.rtl.isa; regenerate with: java -cp runtime/target/classes:edge-moe-rtl/target/classes:"
                + "hdl-core/target/classes org.edgemoe.runtime.IsaHeader .");
    }

    @Test
    void probeOffsetsAreFoundOnceOrRefused() {
        byte[] w = {0, 0x34, 0x12, 0, 0x34, 0x12};
        assertThrows(IllegalStateException.class, () -> IsaHeader.offsetOf(w, 0x1234));
        assertEquals(1, IsaHeader.offsetOf(new byte[] {0, 0x34, 0x12, 0}, 0x1234));
        assertThrows(IllegalStateException.class, () -> IsaHeader.offsetOf(new byte[4], 0x1234));
    }
}
