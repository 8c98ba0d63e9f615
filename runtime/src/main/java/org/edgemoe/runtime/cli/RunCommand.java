package org.edgemoe.runtime.cli;

import static org.edgemoe.model.ModelShape.*;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.rtl.isa.ProgramBuilder;
import org.edgemoe.runtime.Accelerator;
import org.edgemoe.runtime.AcceleratorBackend;
import org.edgemoe.runtime.AcceleratorException;
import org.edgemoe.runtime.DeviceBackend;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.InputImage;
import org.edgemoe.runtime.M3VitImage;
import org.edgemoe.runtime.PerfCounters;
import org.edgemoe.runtime.RunResult;
import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.runtime.Task;
import org.edgemoe.runtime.WeightImage;
import org.edgemoe.runtime.WeightImageException;
import org.edgemoe.runtime.sim.SystemSim;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgemoe run}: one inference on the accelerator (a board, or the full-system simulation) from a weight
 * image (or the float32 folder, packed on the fly) and a picture, the features written as {@code .npy}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run M3ViT on the accelerator (board or simulation) and write the output features as a NumPy .npy file "
                + "(float32 [tokens][192]).")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--weights", required = true, description = "weight image (from edgemoe pack) or the folder of float32 weights")
    Path weights;

    @Option(names = "--image", required = true, description = "PNG / JPEG (scaled to 256 x 128), the model's image.float32.bin, "
            + "or a raw 98,304-byte input image (.px / .raw, from edgemoe image)")
    Path image;

    @Option(names = "--task", required = true, description = "semseg or depth")
    String task;

    @Option(names = "--out", required = true, description = ".npy file to write")
    Path out;

    @Option(names = "--backend", defaultValue = "device", description = "device (the board) or sim (full-system simulation; "
            + "default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--sim", description = "the same as --backend sim")
    boolean sim;

    @Option(names = "--regs", defaultValue = "uio:edgemoe", description = "device: register window, uio:/dev/uioN, uio:NAME or "
            + "mem:ADDR (default ${DEFAULT-VALUE})")
    String regs;

    @Option(names = "--buffer", defaultValue = "udmabuf:udmabuf0", description = "device: DMA buffer, udmabuf:NAME or mem:ADDR:BYTES "
            + "(default ${DEFAULT-VALUE})")
    String buffer;

    @Option(names = "--layers", description = "run only the first N layers (1..12; the features are then the residual stream "
            + "after layer N, for debugging and quick simulations; default all 12)")
    Integer layers;

    @Option(names = "--timeout", defaultValue = "10", description = "seconds of accelerator time (simulated time with --sim) before the "
            + "run is aborted (default ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--raw", description = "write the raw int32 values (resid format) instead of float32")
    boolean raw;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @CommandLine.Mixin
    EdgeMoeCli.ConfigOptions cfg;

    @Override
    public Integer call() {
        ImageConfig c = cfg.config();
        Task t = Task.byName(task);
        boolean simulate = sim || backend.toLowerCase(Locale.ROOT).equals("sim");
        if (!simulate && !backend.toLowerCase(Locale.ROOT).equals("device")) {
            throw new IllegalArgumentException("--backend must be device or sim, not '" + backend + "'");
        }
        int n = layers == null ? LAYERS : layers;
        if (n < 1 || n > LAYERS) {
            throw new IllegalArgumentException("--layers must be 1.." + LAYERS + ", not " + n);
        }
        if (!(timeout > 0)) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds, not " + timeout);
        }
        if (!c.equals(ImageConfig.defaults()) && simulate) {
            throw new IllegalArgumentException("--sim simulates the default accelerator (" + ImageConfig.defaults() + "); drop --profile / --cu");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        WeightImage img = loadWeights(weights, c);
        byte[] pixels = loadPixels(c);
        byte[] program = program(img, n);
        try (AcceleratorBackend b = simulate ? simulation() : DeviceBackend.open(regs, buffer)) {
            Accelerator acc = Accelerator.open(b);
            acc.loadWeights(img, c);
            acc.loadProgram(program);
            acc.loadInput(pixels);
            ProgressBar bar = noProgress ? null : new ProgressBar(e, EdgeMoeCli.terminal(), simulate);
            RunResult r;
            try {
                r = acc.run(t, (long) (timeout * 1e9), bar);
            } finally {
                if (bar != null) {
                    bar.finish();
                }
            }
            r.features().writeNpy(out, raw);
            PerfCounters p = r.perf();
            o.printf("wrote %s: %d x %d %s (resid %s), task %s, %d layer%s, on %s%n", out, r.features().tokens(),
                    r.features().values(), raw ? "int32 raw" : "float32", c.formats().resid(), t, n, n == 1 ? "" : "s", b.describe());
            o.printf("%,d cycles (%.3f ms at 300 MHz), %d commands, DDR %,d bytes read / %,d written, %,d stall cycles%n", p.cycles(),
                    p.cycles() / 300e3, p.commands(), p.ddrReadBytes(), p.ddrWriteBytes(), p.ddrStall());
            o.printf("busy: CU %.1f %%, attention %.1f %%, LayerNorm %.1f %%, router %.1f %%, embedding %.1f %%%n",
                    100 * p.utilisation(p.busyCu()), 100 * p.utilisation(p.busyAttn()), 100 * p.utilisation(p.busyLn()),
                    100 * p.utilisation(p.busyRouter()), 100 * p.utilisation(p.busyEmbed()));
        }
        return 0;
    }

    private static AcceleratorBackend simulation() {
        SystemSim sys;
        try {
            sys = SystemSim.open();
        } catch (RuntimeException x) {
            throw new AcceleratorException(AcceleratorException.Kind.NO_DEVICE, "the full-system simulation could not be built: " + x.getMessage());
        }
        return new SimulationBackend(sys, 300e6, SimulationBackend.DEFAULT_BASE, SimulationBackend.DEFAULT_SIZE,
                "the full-system simulation (Verilator, ZCU102 DDR model, 300 MHz)");
    }

    /** A weight image file (checked for {@code c}), or the float32 folder packed for {@code c}. */
    static WeightImage loadWeights(Path weights, ImageConfig c) {
        if (Files.isDirectory(weights)) {
            return M3VitImage.pack(new QuantizedWeights(M3VitWeights.load(weights), c.formats()), c);
        }
        if (!Files.exists(weights)) {
            throw new WeightImageException(weights, "no such file or folder (expected a weight image from edgemoe pack, or the folder of "
                    + "float32 weights)");
        }
        return M3VitImage.read(weights, c);
    }

    private byte[] loadPixels(ImageConfig c) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".px") || name.endsWith(".raw")) {
            try {
                byte[] px = Files.readAllBytes(image);
                if (px.length != InputImage.BYTES) {
                    throw new WeightImageException(image, "raw input image: expected " + InputImage.BYTES + " bytes (3 x 128 x 256, UQ0.8), "
                            + "found " + px.length);
                }
                return px;
            } catch (java.io.IOException x) {
                throw new WeightImageException(image, "cannot read the input image: " + x.getMessage());
            }
        }
        return InputImage.load(image, c.formats());
    }

    /** {@link ProgramBuilder#m3vit}: EMBED, the first {@code layers} layers (each MoE layer's PREFETCH), STORE, END; offsets from the image's tensor table. */
    static byte[] program(WeightImage img, int layers) {
        return ProgramBuilder.m3vit(img.index(), layers).encode();
    }
}
