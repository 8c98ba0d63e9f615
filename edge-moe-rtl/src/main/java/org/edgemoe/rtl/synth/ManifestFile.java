package org.edgemoe.rtl.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edgemoe.hdl.emit.ManifestReader;
import org.edgemoe.hdl.emit.ManifestReader.Top;

/**
 * An emitted folder: its {@code manifest.json} read back by hdl-core's {@link ManifestReader}, and the
 * Verilog files beside it. The synthesis report and the Vivado scripts are generated from this, so they
 * name exactly the tops, files and ports that were emitted.
 */
public record ManifestFile(Path dir, List<Top> tops, List<String> verilogFiles) {

    public static ManifestFile read(Path dir) throws IOException {
        List<Top> tops = ManifestReader.read(dir.resolve("manifest.json"));
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".v") || n.endsWith(".sv")).sorted().toList();
        }
        return new ManifestFile(dir, tops, files);
    }

    public Top top(String name) {
        return tops.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no top " + name + " in " + dir.resolve("manifest.json") + "; tops: "
                        + tops.stream().map(Top::name).toList()));
    }
}
