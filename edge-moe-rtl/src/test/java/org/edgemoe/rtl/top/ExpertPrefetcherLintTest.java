package org.edgemoe.rtl.top;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expert prefetcher on its own, as the default accelerator builds it (a 1 MiB buffer of 512-bit words) and on a
 * narrow bus, passes verilator --lint-only -Wall; the accelerator rejects an expert buffer that is not a power of two.
 */
class ExpertPrefetcherLintTest {
    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        AcceleratorConfig d = AcceleratorConfig.defaults();
        RtlTestSupport.assertLintClean(() -> new ExpertPrefetcher(d.weightBusBits(), d.expertBufferWords(), 16), dir.resolve("default"));
        RtlTestSupport.assertLintClean(() -> new ExpertPrefetcher(128, 64, 4), dir.resolve("small"));
    }

    @Test
    void theBufferIsAPowerOfTwo() {
        AcceleratorConfig d = AcceleratorConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withExpertBuffer(3 << 18));
        assertThrows(IllegalArgumentException.class, () -> d.withExpertBuffer(512));
        Elaboration.elaborate(() -> new ExpertPrefetcher(d.weightBusBits(), d.withExpertBuffer(1 << 16).expertBufferWords(), 16));
    }
}
