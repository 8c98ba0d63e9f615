package org.edgemoe.hdl.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.edgemoe.hdl.ir.ModuleIR;

/**
 * Turns elaborated designs into Verilog files, one module per file ({@code <Module>.v}), plus
 * {@code manifest.json}. Output is deterministic, and written through a temporary folder so a failure
 * leaves no partial files behind.
 */
public final class VerilogEmitter {
    private final Definitions definitions = new Definitions();
    private final Map<ModuleIR, Integer> tops = new LinkedHashMap<>();

    /** Adds a design's top module (its whole tree) to the output. */
    public VerilogEmitter add(ModuleIR top) {
        tops.put(top, definitions.add(top));
        return this;
    }

    /** Emits the designs added so far: file name to Verilog text, in a stable order. */
    public EmittedDesign render() {
        definitions.assignNames();
        Map<String, String> files = new LinkedHashMap<>();
        for (Definitions.Definition d : definitions.all()) {
            ModuleIR r = d.representative;
            if (r.isBlackBox()) {
                if (r.inlineVerilog() != null) {
                    files.put(d.name + ".v", r.inlineVerilog().endsWith("\n") ? r.inlineVerilog() : r.inlineVerilog() + "\n");
                }
                continue;
            }
            files.put(d.name + ".v", definitions.render(d));
        }
        Manifest manifest = new Manifest();
        List<String> topNames = new ArrayList<>();
        for (ModuleIR top : tops.keySet()) {
            String name = definitions.nameOf(top);
            topNames.add(name);
            manifest.addTop(top, name, name + ".v");
        }
        return new EmittedDesign(files, manifest.toJson(), topNames);
    }

    /** Renders and writes into {@code outDir} (created if needed); returns what was written. */
    public EmittedDesign write(Path outDir) {
        EmittedDesign design = render();
        try {
            Path parent = outDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + outDir.getFileName() + ".tmp");
            try {
                for (Map.Entry<String, String> f : design.files().entrySet()) {
                    Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                }
                Files.writeString(tmp.resolve("manifest.json"), design.manifestJson(), StandardCharsets.UTF_8);
                Files.createDirectories(outDir);
                try (Stream<Path> written = Files.list(tmp)) {
                    for (Path p : written.sorted().toList()) {
                        Files.move(p, outDir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Verilog to " + outDir + ": " + e.getMessage(), e);
        }
        return design;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
