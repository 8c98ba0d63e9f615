package org.edgemoe.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.WeightFileException;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.InputImage;
import org.edgemoe.runtime.M3VitImage;
import org.edgemoe.runtime.WeightImage;
import org.edgemoe.runtime.WeightImageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code edgemoe} command line. Exit codes: 0 success, 1 bad input (a message on standard error names
 * the file and what was wrong), 2 usage error, 3 the accelerator failed (a hardware error code, a timeout, a run
 * already in progress), 4 no accelerator (the device cannot be opened, the simulation cannot be built).
 */
@Command(name = "edgemoe", mixinStandardHelpOptions = true, version = "edgemoe 0.1.0",
        description = "Host tools of the Edge-MoE accelerator.",
        subcommands = {EdgeMoeCli.Pack.class, EdgeMoeCli.Inspect.class, EdgeMoeCli.Image.class, RunCommand.class, ProgramCommand.class, EdgeMoeCli.Regs.class})
public final class EdgeMoeCli implements Runnable {
    public static final int BAD_INPUT = 1;
    public static final int ACCELERATOR_FAILED = 3;
    public static final int NO_ACCELERATOR = 4;
    /** {@code --cu}'s default: the default accelerator's compute array. */
    static final String DEFAULT_CU = org.edgemoe.rtl.top.AcceleratorConfig.DEFAULT_ARRAY + "x" + org.edgemoe.rtl.top.AcceleratorConfig.DEFAULT_ARRAY;
    private static volatile boolean terminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        terminal = System.console() != null;
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output and error writers; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new EdgeMoeCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof org.edgemoe.runtime.AcceleratorException a) {
                line.getErr().println("edgemoe: " + ex.getMessage());
                return switch (a.kind()) {
                    case NO_DEVICE -> NO_ACCELERATOR;
                    case BAD_LOAD -> BAD_INPUT;
                    default -> ACCELERATOR_FAILED;
                };
            }
            if (ex instanceof java.io.UncheckedIOException) {
                line.getErr().println("edgemoe: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof WeightImageException || ex instanceof WeightFileException || ex instanceof IllegalArgumentException) {
                line.getErr().println("edgemoe: " + ex.getMessage());
                return BAD_INPUT;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** Whether standard error is a terminal (progress redrawn in place) or a file / pipe (clean lines). */
    static boolean terminal() {
        return terminal;
    }

    /** Hardware configuration options shared by the subcommands. */
    public static final class ConfigOptions {
        @Option(names = "--profile", defaultValue = "dsp18", description = "number profile: dsp18 or published (default ${DEFAULT-VALUE})")
        String profile;

        @Option(names = "--cu", defaultValue = DEFAULT_CU, description = "compute array rows x columns (default ${DEFAULT-VALUE})")
        String cu;

        ImageConfig config() {
            Formats f = Formats.byName(profile);
            String[] rc = cu.toLowerCase().split("x");
            if (rc.length != 2) {
                throw new IllegalArgumentException("--cu must be ROWSxCOLUMNS, e.g. 32x32: '" + cu + "'");
            }
            try {
                return new ImageConfig(f, Integer.parseInt(rc[0]), Integer.parseInt(rc[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--cu must be ROWSxCOLUMNS, e.g. 32x32: '" + cu + "'");
            }
        }
    }

    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Pack a folder of float32 M3ViT weights into the accelerator's DDR weight image.")
    static final class Pack implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--weights", required = true, description = "folder of *.float32.bin weight files")
        Path weights;

        @Option(names = "--out", required = true, description = "weight image to write")
        Path out;

        @CommandLine.Mixin
        ConfigOptions cfg;

        @Override
        public Integer call() {
            ImageConfig c = cfg.config();
            if (!Files.isDirectory(weights)) {
                throw new WeightImageException(weights, "not a folder of weights (expected the *.float32.bin files of M3ViT)");
            }
            QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(weights), c.formats());
            WeightImage img = M3VitImage.pack(q, c);
            img.write(out);
            spec.commandLine().getOut().printf("wrote %s: %d tensors, %d bytes, for %s%n", out, img.tensors().size(), img.size(), c);
            if (q.outOfRange() > 0) {
                spec.commandLine().getOut().printf("note: %d weight values did not fit their format (%s)%n", q.outOfRange(),
                        c.formats().overflow() == org.edgemoe.hdl.fixed.Overflow.SATURATE ? "saturated" : "wrapped");
            }
            return 0;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Check a weight image (every CRC, the layout for the configuration) and print its tensor table.")
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "weight image")
        Path image;

        @CommandLine.Mixin
        ConfigOptions cfg;

        @Override
        public Integer call() {
            ImageConfig c = cfg.config();
            WeightImage img = M3VitImage.read(image, c);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%s: weight image v%d for %s, %d bytes, %d tensors, all CRCs good%n", image, WeightImage.VERSION, c, img.size(),
                    img.tensors().size());
            o.printf("%-22s %12s %10s  %s%n", "tensor", "offset", "bytes", "shape / format / layout");
            for (WeightImage.Tensor t : img.tensors()) {
                o.printf("%-22s %12d %10d  %s %s%s %s%n", t.name(), t.offset(), t.bytes(), t.spec().shapeText(), t.spec().format(),
                        t.spec().biasFormat() == null ? "" : " (bias " + t.spec().biasFormat() + ")", t.spec().layout());
            }
            return 0;
        }
    }

    @Command(name = "image", mixinStandardHelpOptions = true,
            description = "Convert a picture (PNG, JPEG) or the model's image.float32.bin into the accelerator's input image "
                    + "(3 x 128 x 256 bytes, UQ0.8, channel-major).")
    static final class Image implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--in", required = true, description = "picture or float32 .bin tensor")
        Path in;

        @Option(names = "--out", required = true, description = "raw input image to write")
        Path out;

        @CommandLine.Mixin
        ConfigOptions cfg;

        @Override
        public Integer call() throws Exception {
            byte[] px = InputImage.load(in, cfg.config().formats());
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, px);
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            spec.commandLine().getOut().printf("wrote %s: %d bytes (3 x 128 x 256, UQ0.8)%n", out, px.length);
            return 0;
        }
    }

    @Command(name = "regs", mixinStandardHelpOptions = true,
            description = "Print the accelerator's register map (Markdown, or the C header / Java constants).")
    static final class Regs implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", defaultValue = "markdown", description = "markdown, c or java (default ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() {
            String text = switch (format) {
                case "markdown" -> org.edgemoe.hdl.lib.regs.RegisterDocs.markdown(org.edgemoe.rtl.top.ControlRegisters.MAP);
                case "c" -> org.edgemoe.runtime.RegisterFiles.cHeader();
                case "java" -> org.edgemoe.runtime.RegisterFiles.javaConstants();
                default -> throw new IllegalArgumentException("--format must be markdown, c or java, not '" + format + "'");
            };
            spec.commandLine().getOut().print(text);
            return 0;
        }
    }
}
