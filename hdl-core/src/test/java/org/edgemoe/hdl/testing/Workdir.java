package org.edgemoe.hdl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgemoe.hdl.emit.EmittedDesign;

/** Writes emitted Verilog (and optionally a testbench) into a folder for the tools. */
public final class Workdir {
    private Workdir() { }

    /** Writes every file of {@code design} into {@code dir}; returns the Verilog file names, sorted. */
    public static List<String> write(EmittedDesign design, Path dir) {
        try {
            Files.createDirectories(dir);
            for (var f : design.files().entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            Files.writeString(dir.resolve("manifest.json"), design.manifestJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Tool.verilogFiles(design);
    }

    public static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
