package org.edgemoe.hdl.check;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.testing.TestModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A design with errors never reaches the emitter, so nothing is written. */
class NoOutputAfterErrorTest {

    @TempDir Path tmp;

    private static void elaborateAndWrite(Supplier<Module> top, Path out) {
        new VerilogEmitter().add(Elaboration.elaborate(top).topIR()).write(out);
    }

    @Test void failedElaborationWritesNothing() throws IOException {
        Path out = tmp.resolve("rtl");
        assertThrows(ElaborationException.class, () -> elaborateAndWrite(() -> new TestModule(() -> {
            out(UInt(8)).named("y");
        }), out));
        assertFalse(Files.exists(out), "output folder must not be created");
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.findAny().isEmpty(), "no temporary files either");
        }
    }

    @Test void successfulElaborationWritesFiles() throws IOException {
        Path out = tmp.resolve("rtl");
        elaborateAndWrite(() -> new TestModule("Ok", () -> out(UInt(8)).named("y").set(U(1, 8))), out);
        assertTrue(Files.isRegularFile(out.resolve("Ok.v")));
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.allMatch(p -> p.equals(out)), "the temporary folder is removed");
        }
    }
}
