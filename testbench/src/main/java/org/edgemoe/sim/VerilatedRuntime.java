package org.edgemoe.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Verilated runtime (verilated.cpp and friends) compiled once per machine into a static
 * archive of position-independent, hidden-visibility objects. Compiling verilated.cpp alone
 * takes several seconds, so sharing it is what keeps a cold model build short. Each model
 * library links its own copy, so models never share runtime state.
 */
final class VerilatedRuntime {
    static final String ARCHIVE = "libverilated_pic.a";

    private VerilatedRuntime() {
    }

    static Path archive(Toolchain tools, BuildOptions options) {
        List<String> units = new ArrayList<>(List.of("verilated.cpp", "verilated_dpi.cpp", "verilated_threads.cpp"));
        if (options.waveform() == Waveform.VCD) units.add("verilated_vcd_c.cpp");
        if (options.waveform() == Waveform.FST) units.add("verilated_fst_c.cpp");
        CacheKey key = new CacheKey("runtime").add(tools.verilatorVersion).add(tools.cxxVersion)
            .add(String.join(" ", tools.cxxFlags(options.waveform()))).add(String.join(" ", units));
        Path entry = CacheDirectory.entry(options.cacheDirectory(), "runtime", key.hex(), work -> {
            List<List<String>> compiles = new ArrayList<>();
            List<String> archive = new ArrayList<>(List.of("ar", "rcs", ARCHIVE));
            for (String unit : units) {
                List<String> cmd = new ArrayList<>(tools.cxxFlags(options.waveform()));
                String object = unit.replace(".cpp", ".o");
                cmd.addAll(List.of("-O2", "-c", tools.verilatorInclude.resolve(unit).toString(), "-o", object));
                compiles.add(cmd);
                archive.add(object);
            }
            for (CommandResult r : CommandRunner.runAll(work, compiles, options.jobs())) {
                if (!r.succeeded()) throw BuildDiagnostics.compilerFailed("the Verilated runtime", r);
            }
            CommandResult ar = CommandRunner.run(work, archive);
            if (!ar.succeeded()) throw BuildDiagnostics.compilerFailed("the Verilated runtime archive", ar);
        });
        return entry.resolve(ARCHIVE);
    }
}
