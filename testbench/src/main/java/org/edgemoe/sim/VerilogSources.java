package org.edgemoe.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What to simulate: Verilog files, the top module name and optional extra Verilator flags.
 * This is the one input of {@link ModelCompiler}; a Java design is turned into one of these by
 * writing its Verilog first.
 */
public record VerilogSources(List<Path> files, String top, List<String> verilatorFlags) {

    public VerilogSources {
        if (files.isEmpty()) throw new IllegalArgumentException("no Verilog files given for top " + top);
        if (top == null || !top.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a Verilog module name: " + top);
        }
        files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        verilatorFlags = List.copyOf(verilatorFlags);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such Verilog file: " + file);
        }
    }

    public static VerilogSources of(String top, Path... files) {
        return new VerilogSources(Arrays.asList(files), top, List.of());
    }

    public static VerilogSources of(String top, List<Path> files) {
        return new VerilogSources(files, top, List.of());
    }

    /** Every {@code .v} / {@code .sv} file directly in {@code directory}, in name order. */
    public static VerilogSources fromDirectory(Path directory, String top) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = new ArrayList<>(entries
                .filter(p -> p.toString().endsWith(".v") || p.toString().endsWith(".sv"))
                .sorted()
                .toList());
            return new VerilogSources(files, top, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Verilog directory " + directory, e);
        }
    }

    public VerilogSources withFlags(String... flags) {
        List<String> all = new ArrayList<>(verilatorFlags);
        all.addAll(Arrays.asList(flags));
        return new VerilogSources(files, top, all);
    }
}
