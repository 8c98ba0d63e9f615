package org.edgemoe.rtl.datapath;

import java.nio.file.Path;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer datapath lints clean. Its function is tested through {@link CommandDispatcherTest}: a whole dense
 * layer of the real image from decoded commands, through this datapath.
 */
class LayerDatapathTest {
    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        Formats f = Formats.dsp18();
        RtlTestSupport.assertLintClean(() -> new LayerDatapath(DatapathConfig.m3vit(CuConfig.of(16, 16, f)), AttnConfig.DEFAULT,
                LnConfig.of(f)), dir);
    }
}
