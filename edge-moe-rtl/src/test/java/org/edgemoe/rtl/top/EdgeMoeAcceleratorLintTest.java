package org.edgemoe.rtl.top;

import java.nio.file.Path;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole accelerator elaborates and its Verilog passes verilator --lint-only -Wall without a warning. */
class EdgeMoeAcceleratorLintTest {
    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(EdgeMoeAccelerator::new, dir);
    }
}
