package org.edgemoe.rtl.cu;

import java.nio.file.Path;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.testing.VerilatorLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default unit (and the dsp18 variant) pass verilator --lint-only -Wall with no warning. */
class LintTest {

    @Test
    void defaultLintsClean(@TempDir Path dir) throws Exception {
        VerilatorLint.assertClean(ComputeUnit::new, dir);
    }

    @Test
    void dsp18LintsClean(@TempDir Path dir) throws Exception {
        VerilatorLint.assertClean(() -> new ComputeUnit(CuConfig.of(4, 4, Formats.dsp18())), dir);
    }
}
