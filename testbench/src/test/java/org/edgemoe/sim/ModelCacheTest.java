package org.edgemoe.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {

    /** A private cache folder sharing the per-machine runtime and header, so only model entries are built. */
    private static BuildOptions privateCache(Path dir) throws IOException {
        Path shared = BuildOptions.defaults().cacheDirectory();
        ModelCompiler.compile(TestDesigns.counter()); // makes sure the shared runtime exists
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("runtime"), shared.resolve("runtime"));
        Files.createSymbolicLink(dir.resolve("pch"), shared.resolve("pch"));
        return BuildOptions.defaults().withCacheDirectory(dir);
    }

    @Test
    void rebuildIsServedFromTheCacheAndEditsMakeNewEntries(@TempDir Path dir) throws IOException {
        BuildOptions options = privateCache(dir.resolve("cache"));
        Path verilog = dir.resolve("Counter.v");
        Files.copy(TestDesigns.resource("designs/Counter.v"), verilog);
        VerilogSources sources = VerilogSources.of("Counter", verilog);

        assertFalse(ModelCompiler.isCached(sources, options));
        SimModel built = ModelCompiler.compile(sources, options);
        assertTrue(ModelCompiler.isCached(sources, options));
        FileTime builtAt = Files.getLastModifiedTime(built.library());

        ModelCompiler.forgetLoaded();
        SimModel reloaded = ModelCompiler.compile(sources, options);
        assertEquals(built.library(), reloaded.library());
        assertEquals(builtAt, Files.getLastModifiedTime(reloaded.library()), "cache hit must not rebuild");

        Files.writeString(verilog, Files.readString(verilog) + "// an edit\n");
        assertFalse(ModelCompiler.isCached(sources, options), "changed Verilog bytes change the key");
        SimModel edited = ModelCompiler.compile(sources, options);
        assertNotEquals(built.library(), edited.library());
        assertFalse(ModelCompiler.isCached(sources.withFlags("-DUNUSED_DEFINE"), options), "flags are in the key");
        assertFalse(ModelCompiler.isCached(sources, options.withWaveform(Waveform.VCD)), "waveform is in the key");

        // Two loaded copies of one design (two Verilated runtimes) work side by side.
        try (Sim a = reloaded.open(); Sim b = edited.open()) {
            for (Sim sim : new Sim[] {a, b}) {
                sim.reset();
                sim.poke("io_en", 1);
                sim.poke("io_step", 7);
            }
            a.step(10);
            b.step(3);
            assertEquals(70, a.peek("io_count"));
            assertEquals(21, b.peek("io_count"));
        }
        try (var entries = Files.list(dir.resolve("cache").resolve("models"))) {
            assertEquals(2, entries.filter(p -> !p.getFileName().toString().startsWith(".")).count());
        }
        // Unlink the shared parts ourselves; JUnit would warn about links leaving the temp dir.
        Files.delete(dir.resolve("cache").resolve("runtime"));
        Files.delete(dir.resolve("cache").resolve("pch"));
    }
}
