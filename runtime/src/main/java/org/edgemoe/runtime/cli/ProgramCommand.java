package org.edgemoe.runtime.cli;

import static org.edgemoe.model.ModelShape.LAYERS;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.edgemoe.rtl.isa.CommandCodec;
import org.edgemoe.rtl.isa.Disassembler;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.WeightImage;
import org.edgemoe.runtime.WeightImageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgemoe program}: the M3ViT command list for a weight image (its offsets from the image's tensor table),
 * written for the C driver or PYNQ, listed, or an existing program disassembled.
 */
@Command(name = "program", mixinStandardHelpOptions = true,
        description = "Write the accelerator's command list for a weight image (what edgemoe run loads), list it, or disassemble a "
                + "program file.")
final class ProgramCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--weights", description = "weight image (from edgemoe pack) or the folder of float32 weights")
    Path weights;

    @Option(names = "--out", description = "program file to write (32 bytes a command)")
    Path out;

    @Option(names = "--layers", description = "only the first N layers (default all 12)")
    Integer layers;

    @Option(names = "--list", description = "print the program, one command a line")
    boolean list;

    @Option(names = "--disassemble", description = "print a program file, one command a line")
    Path disassemble;

    @CommandLine.Mixin
    EdgeMoeCli.ConfigOptions cfg;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (disassemble != null) {
            if (weights != null || out != null) {
                throw new IllegalArgumentException("--disassemble reads a program: no --weights or --out with it");
            }
            if (!Files.isRegularFile(disassemble)) {
                throw new WeightImageException(disassemble, "no such program file");
            }
            o.print(Disassembler.disassemble(Files.readAllBytes(disassemble)));
            return 0;
        }
        if (weights == null || out == null && !list) {
            throw new IllegalArgumentException("give --weights and --out (or --list), or --disassemble FILE");
        }
        int n = layers == null ? LAYERS : layers;
        if (n < 1 || n > LAYERS) {
            throw new IllegalArgumentException("--layers must be 1.." + LAYERS + ", not " + n);
        }
        ImageConfig c = cfg.config();
        WeightImage img = RunCommand.loadWeights(weights, c);
        byte[] program = RunCommand.program(img, n);
        if (list) {
            o.print(Disassembler.disassemble(program));
        }
        if (out != null) {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, program);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            o.printf("wrote %s: %d commands (%d bytes), %d layer%s, for %s%n", out, program.length / CommandCodec.BYTES, program.length, n,
                    n == 1 ? "" : "s", c);
        }
        return 0;
    }
}
