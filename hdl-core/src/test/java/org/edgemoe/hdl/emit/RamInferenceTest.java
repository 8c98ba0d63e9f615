package org.edgemoe.hdl.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.examples.RamExample;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Tool;
import org.edgemoe.hdl.testing.Workdir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RamExample memory maps to UltraScale+ block RAM, not to flip-flops or LUT RAM. */
class RamInferenceTest {

    @TempDir Path tmp;

    @Test void synthXilinxInfersBlockRam() {
        Tool.assumeYosys();
        List<String> files = Workdir.write(Emit.of(RamExample::new), tmp);
        Tool.Result r = Tool.run(tmp, List.of("yosys", "-p",
                "read_verilog " + String.join(" ", files) + "; synth_xilinx -family xcup -top RamExample; tee -o stat.txt stat"), 300);
        assertEquals(0, r.exitCode(), r.output());
        String stat = r.output().substring(Math.max(0, r.output().lastIndexOf("Printing statistics")));
        Matcher m = Pattern.compile("(?m)^\\s*(RAMB(?:18|36)\\w*)\\s+(\\d+)\\s*$").matcher(stat);
        int brams = 0;
        while (m.find()) {
            brams += Integer.parseInt(m.group(2));
        }
        assertTrue(brams >= 1, "no RAMB18/RAMB36 cell in:\n" + stat);
        assertTrue(!Pattern.compile("(?m)^\\s*FD\\w*\\s+\\d{4,}").matcher(stat).find(), "memory became flip-flops:\n" + stat);
    }
}
