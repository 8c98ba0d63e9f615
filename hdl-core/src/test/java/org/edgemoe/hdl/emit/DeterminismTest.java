package org.edgemoe.hdl.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.ExampleDesigns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two emissions of the same designs (separate elaborations) give byte-identical output. */
class DeterminismTest {

    @TempDir Path tmp;

    @Test void renderTwiceIsIdentical() {
        EmittedDesign a = ExampleDesigns.addAll(new VerilogEmitter()).render();
        EmittedDesign b = ExampleDesigns.addAll(new VerilogEmitter()).render();
        assertEquals(List.copyOf(a.files().keySet()), List.copyOf(b.files().keySet()), "same files in the same order");
        for (String f : a.files().keySet()) {
            assertEquals(a.files().get(f), b.files().get(f), f);
        }
        assertEquals(a.manifestJson(), b.manifestJson());
        assertEquals(a.tops(), b.tops());
    }

    @Test void writtenFilesAreByteIdentical() throws IOException {
        ExampleDesigns.addAll(new VerilogEmitter()).write(tmp.resolve("one"));
        ExampleDesigns.addAll(new VerilogEmitter()).write(tmp.resolve("two"));
        List<Path> one = list(tmp.resolve("one"));
        List<Path> two = list(tmp.resolve("two"));
        assertEquals(one.stream().map(Path::getFileName).map(Path::toString).toList(),
                two.stream().map(Path::getFileName).map(Path::toString).toList());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(Files.readAllBytes(one.get(i)), Files.readAllBytes(two.get(i)), one.get(i).toString());
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
