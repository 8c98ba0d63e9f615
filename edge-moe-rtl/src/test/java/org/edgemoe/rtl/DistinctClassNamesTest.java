package org.edgemoe.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two main classes of the repository's modules share a simple name (an import of the wrong one compiles and
 * misleads: ir.Signal and the testbench's SimSignal, rtl.gelu.GeluUnit and model.hw.GeluModel).
 */
class DistinctClassNamesTest {

    @Test
    void mainClassNamesAreDistinctAcrossModules() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Map<String, List<String>> byName = new TreeMap<>();
        int modules = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path module : dirs.sorted().toList()) {
                Path src = module.resolve("src/main/java");
                if (!Files.isDirectory(src)) {
                    continue;
                }
                modules++;
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (name.equals("package-info.java") || name.equals("module-info.java")) {
                            continue;
                        }
                        byName.computeIfAbsent(name.substring(0, name.length() - 5), k -> new ArrayList<>())
                                .add(root.relativize(f).toString());
                    }
                }
            }
        }
        assertTrue(modules >= 3, "found the repository's modules from " + root);
        Map<String, List<String>> twice = new TreeMap<>();
        byName.forEach((k, v) -> {
            if (v.size() > 1) {
                twice.put(k, v);
            }
        });
        assertEquals(Map.of(), twice, "class names used more than once; rename one of each");
    }
}
