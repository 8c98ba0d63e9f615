package org.edgemoe.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Design;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;

/**
 * Compiles a design written with hdl-core into a simulation model: elaborate, emit Verilog into a
 * content-addressed folder, then {@link ModelCompiler} (cached like any Verilog).
 */
public final class HdlSim {
    private HdlSim() { }

    /**
     * Elaborates {@code top}, compiles it (cached) and opens a simulation whose ports the test reaches through the
     * elaborated module's fields: {@code try (DesignSim<Top> s = HdlSim.open(Top::new)) { s.sim().poke(s.dut().en, 1); }}.
     */
    public static <M extends Module> DesignSim<M> open(Supplier<M> top) {
        return open(top, BuildOptions.defaults());
    }

    public static <M extends Module> DesignSim<M> open(Supplier<M> top, BuildOptions options) {
        Design<M> design = Elaboration.elaborate(top);
        Sim sim = ModelCompiler.compile(emit(design), options).open();
        return new DesignSim<>(design.top(), bind(sim, design));
    }

    /** Lets {@code sim} (a model of {@code design}'s Verilog) reach the design's ports by field. */
    static Sim bind(Sim sim, Design<?> design) {
        sim.bindDesign(design.topIR());
        return sim;
    }

    public static SimModel compile(Supplier<? extends Module> top) {
        return compile(top, BuildOptions.defaults());
    }

    public static SimModel compile(Supplier<? extends Module> top, BuildOptions options) {
        return ModelCompiler.compile(emit(top), options);
    }

    /** Elaborates {@code top} and writes its Verilog; the folder name is a hash of the files' content. */
    public static VerilogSources emit(Supplier<? extends Module> top) {
        return emit(Elaboration.elaborate(top));
    }

    /** Writes the Verilog of an elaborated design (content-addressed folder, as above). */
    public static VerilogSources emit(Design<?> design) {
        EmittedDesign d = new VerilogEmitter().add(design.topIR()).render();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "edgemoe-hdl", d.tops().get(0) + "-" + hash(d.files()));
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> f : d.files().entrySet()) {
                Path p = dir.resolve(f.getKey());
                if (!Files.exists(p)) {
                    Path tmp = Files.createTempFile(dir, f.getKey(), ".tmp");
                    Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
                    Files.move(tmp, p, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(p);
            }
            return VerilogSources.of(d.tops().get(0), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the design's Verilog to " + dir, e);
        }
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : files.entrySet()) {
                md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
