package org.edgemoe.sim;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The external tools a build needs: Verilator (with its include folder) and a C++ compiler.
 * Found once per JVM; their versions go into every cache key.
 */
final class Toolchain {
    private static volatile Toolchain instance;

    final String verilator;
    final String verilatorVersion;
    final Path verilatorInclude;
    final String cxx;
    final String cxxVersion;

    private Toolchain(String verilator, String verilatorVersion, Path verilatorInclude, String cxx, String cxxVersion) {
        this.verilator = verilator;
        this.verilatorVersion = verilatorVersion;
        this.verilatorInclude = verilatorInclude;
        this.cxx = cxx;
        this.cxxVersion = cxxVersion;
    }

    static Toolchain get() {
        Toolchain t = instance;
        if (t == null) {
            synchronized (Toolchain.class) {
                if (instance == null) {
                    instance = discover(configured("edgemoe.sim.verilator", "VERILATOR", "verilator"),
                        configured("edgemoe.sim.cxx", "CXX", "g++"));
                }
                t = instance;
            }
        }
        return t;
    }

    static Toolchain discover(String verilator, String cxx) {
        if (findExecutable(verilator) == null) {
            throw new SimBuildException("Verilator not found (looked for '" + verilator + "' on PATH). Install it with:"
                + " sudo apt-get install -y verilator   (or set -Dedgemoe.sim.verilator=/path/to/verilator)");
        }
        if (findExecutable(cxx) == null) {
            throw new SimBuildException("C++ compiler '" + cxx + "' not found on PATH. Install it with:"
                + " sudo apt-get install -y g++");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        // In parallel: verilator is a Perl wrapper, ~0.1 s per call, and this is on the cache-hit path.
        List<CommandResult> answers = CommandRunner.runAll(tmp, List.of(List.of(verilator, "--version"),
            List.of(verilator, "--getenv", "VERILATOR_ROOT"), List.of(cxx, "--version")), 3);
        String version = firstLine(answers.get(0).output());
        java.util.regex.Matcher vm = java.util.regex.Pattern.compile("Verilator (\\d+)\\.(\\d+)").matcher(version);
        if (vm.find() && Integer.parseInt(vm.group(1)) < 5) {
            throw new SimBuildException("'" + verilator + "' is " + version + "; the simulator needs Verilator 5 or newer"
                + " (Ubuntu 22.04 ships 4.038). scripts/ensure-tools.sh verilator says how to install 5.x; or point the"
                + " build at one with -Dedgemoe.sim.verilator=/path/to/verilator");
        }
        String root = firstLine(answers.get(1).output());
        Path include = Path.of(root, "include");
        if (!Files.isRegularFile(include.resolve("verilated.h"))) {
            throw new SimBuildException("Verilator include folder not found at " + include);
        }
        String cxxVersion = firstLine(answers.get(2).output());
        return new Toolchain(verilator, version, include, cxx, cxxVersion);
    }

    /** Compiler flags shared by the Verilated runtime, the model and the shim. */
    List<String> cxxFlags(Waveform waveform) {
        List<String> flags = new ArrayList<>(List.of(cxx, "-std=gnu++17", "-fPIC", "-fvisibility=hidden",
            "-fvisibility-inlines-hidden", "-faligned-new", "-fcf-protection=none", "-Wno-bool-operation",
            "-Wno-sign-compare", "-Wno-uninitialized", "-Wno-unused-but-set-variable", "-Wno-unused-parameter",
            "-Wno-unused-variable", "-Wno-shadow", "-I" + verilatorInclude, "-I" + verilatorInclude.resolve("vltstd")));
        flags.addAll(waveform.defines());
        return flags;
    }

    private static String configured(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path findExecutable(String name) {
        if (name.contains(File.separator)) return Files.isExecutable(Path.of(name)) ? Path.of(name) : null;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
