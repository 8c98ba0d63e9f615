package org.edgemoe.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * verilated.h (and the trace header) precompiled once per machine, per optimisation flag and
 * waveform format. Parsing these headers costs about half a second per translation unit; the
 * hot units of every model build include this instead. GCC silently falls back to the real
 * header if the precompiled one does not match, so this only ever affects build time.
 */
final class PrecompiledHeader {
    static final String HEADER = "edgemoe_pch.h";

    private PrecompiledHeader() {
    }

    /** The header to pass with {@code -include}; its {@code .gch} sits next to it. */
    static Path header(Toolchain tools, BuildOptions options) {
        StringBuilder text = new StringBuilder("#include \"verilated.h\"\n");
        if (options.waveform() == Waveform.VCD) text.append("#include \"verilated_vcd_c.h\"\n");
        if (options.waveform() == Waveform.FST) text.append("#include \"verilated_fst_c.h\"\n");
        List<String> cmd = new ArrayList<>(tools.cxxFlags(options.waveform()));
        cmd.addAll(List.of(options.cxxOptimisation(), "-x", "c++-header", HEADER, "-o", HEADER + ".gch"));
        CacheKey key = new CacheKey("pch").add(tools.verilatorVersion).add(tools.cxxVersion).add(text.toString())
            .add(String.join(" ", cmd));
        Path entry = CacheDirectory.entry(options.cacheDirectory(), "pch", key.hex(), work -> {
            Files.writeString(work.resolve(HEADER), text.toString());
            CommandResult r = CommandRunner.run(work, cmd);
            if (!r.succeeded()) throw BuildDiagnostics.compilerFailed("the precompiled Verilated header", r);
        });
        return entry.resolve(HEADER);
    }
}
