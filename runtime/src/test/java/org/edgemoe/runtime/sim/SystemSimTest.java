package org.edgemoe.runtime.sim;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.runtime.Accelerator;
import org.edgemoe.runtime.AcceleratorException;
import org.edgemoe.rtl.isa.Command;
import org.edgemoe.rtl.isa.CommandCodec;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.M3VitImage;
import org.edgemoe.runtime.RunResult;
import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.runtime.Task;
import org.edgemoe.runtime.WeightImage;
import org.edgemoe.rtl.isa.ProgramBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accelerator from DDR to DDR in full-system simulation, on the real image and weights (synthetic experts):
 * programs built from the packed image's tensor table, run through the Java driver; the stored residual stream is
 * bit-exact to HwModel's: after the first layers (a dense one, then an MoE one) for both tasks back to back with
 * no reset between, and after all twelve layers for each task; a program over the first 33 tokens (program changes
 * only) is bit-exact to HwModel's run over those tokens. Bad runs: a corrupt command, a DDR read error and a
 * DDR write error each end with their error code, never a hang, and the next run (no reset) is bit-exact again.
 */
class SystemSimTest {
    static QuantizedWeights q;
    static WeightImage image;
    static byte[] pixels;

    @BeforeAll
    static void load() {
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        q = new QuantizedWeights(M3VitWeights.load(folder), Formats.dsp18());
        image = M3VitImage.pack(q, ImageConfig.defaults());
        long[] px = q.pixels();
        pixels = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            pixels[i] = (byte) px[i];
        }
    }

    static byte[] program(int layers) {
        return ProgramBuilder.m3vit(image.index(), layers).encode();
    }

    static Accelerator driver(SystemSim sys, byte[] program) {
        Accelerator acc = Accelerator.open(new SimulationBackend(sys, 300e6, SimulationBackend.DEFAULT_BASE,
                SimulationBackend.DEFAULT_SIZE, "full-system simulation"));
        acc.loadWeights(image, ImageConfig.defaults());
        acc.loadProgram(program);
        acc.loadInput(pixels);
        return acc;
    }

    static long[][] run(SystemSim sys, int layers, Task task) {
        Accelerator acc = driver(sys, program(layers));
        long t0 = sys.cycle();
        long w0 = System.nanoTime();
        long read0 = sys.ddr().bytesRead();
        RunResult r = acc.run(task, 100_000_000L, null);
        assertEquals(sys.ddr().bytesRead() - read0, r.perf().ddrReadBytes(),
                "PERF_DDR_RD_BYTES counts every read port's bytes (program, weight path, expert prefetcher)");
        double secs = (System.nanoTime() - w0) / 1e9;
        long cycles = sys.cycle() - t0;
        System.out.printf("SIM system.layers%d.task%d %d cycles (%.2f ms at 300 MHz), %.0f cycles/s%n", layers, task.index,
                cycles, cycles / 300e3, cycles / secs);
        sys.ddr().assertNoViolations();
        return r.features().rawRows();
    }

    @Test
    void anMoeLayerIsBitExactForBothTasks() {
        try (SystemSim sys = SystemSim.open()) {
            for (Task task : Task.values()) {
                HwTrace trace = new HwModel(q).run(task.index);
                long[][] got = run(sys, 2, task);
                for (int t = 0; t < ModelShape.TOKENS; t++) {
                    assertArrayEquals(trace.layerOutputs()[1][t], got[t], "token " + t + " after layer 1, task " + task);
                }
            }
        }
    }

    @Test
    void theWholeBackboneIsBitExactForEachTask() {
        try (SystemSim sys = SystemSim.open()) {
            for (Task task : Task.values()) {
                HwTrace trace = new HwModel(q).run(task.index);
                long[][] got = run(sys, ModelShape.LAYERS, task);
                for (int t = 0; t < ModelShape.TOKENS; t++) {
                    assertArrayEquals(trace.layerOutputs()[ModelShape.LAYERS - 1][t], got[t], "token " + t + ", task " + task);
                }
            }
        }
    }

    @Test
    void aProgramOverFewerTokensIsBitExact() {
        int tokens = 33;
        HwTrace trace = new HwModel(q).run(0, tokens);
        try (SystemSim sys = SystemSim.open()) {
            Accelerator acc = driver(sys, ProgramBuilder.m3vit(image.index(), 2, tokens).encode());
            long t0 = sys.cycle();
            long[][] got = acc.run(Task.SEMSEG, 100_000_000L, null).features().rawRows();
            System.out.printf("SIM system.layers2.tokens%d.task0 %d cycles%n", tokens, sys.cycle() - t0);
            sys.ddr().assertNoViolations();
            assertEquals(tokens, got.length, "the STORE writes the program's tokens");
            for (int t = 0; t < tokens; t++) {
                assertArrayEquals(trace.layerOutputs()[1][t], got[t], "token " + t + " of " + tokens + " after layer 1");
            }
        }
    }

    /** Layer 1 after a two-layer program (EMBED, dense layer 0, MoE layer 1) whose PREFETCH is replaced by {@code prefetch}. */
    static void assertLayer1With(SystemSim sys, HwTrace trace, List<Command> prefetch, String what) {
        List<Command> cmds = new ArrayList<>(ProgramBuilder.m3vit(image.index(), 2).commands());
        int at = -1;
        for (int i = 0; i < cmds.size(); i++) {
            if (cmds.get(i).opcode() == Opcode.PREFETCH) {
                at = i;
            }
        }
        assertEquals(1, at, "the two-layer program prefetches layer 1's experts right after EMBED");
        cmds.remove(at);
        cmds.addAll(at, prefetch);
        long[][] got = driver(sys, CommandCodec.encode(cmds)).run(Task.SEMSEG, 100_000_000L, null).features().rawRows();
        sys.ddr().assertNoViolations();
        for (int t = 0; t < ModelShape.TOKENS; t++) {
            assertArrayEquals(trace.layerOutputs()[1][t], got[t], "token " + t + " after layer 1, " + what);
        }
    }

    @Test
    void expertsAreExactWithoutWithAnotherAndWithAnUnusedPrefetch() {
        HwTrace trace = new HwModel(q).run(0);
        ProgramBuilder b = new ProgramBuilder(image.index(), ModelShape.TOKENS);
        Command layer3 = b.prefetch(3, "l3.expert", ModelShape.EXPERTS).commands().get(0);
        Command layer1 = b.prefetch(1, "l1.expert", ModelShape.EXPERTS).commands().get(1);
        try (SystemSim sys = SystemSim.open()) {
            assertLayer1With(sys, trace, List.of(), "no PREFETCH (EXPERTS reads its own)");
            assertLayer1With(sys, trace, List.of(layer3), "layer 3's experts prefetched (dropped, read anew)");
            assertLayer1With(sys, trace, List.of(layer1, layer1), "the same PREFETCH twice");

            // a PREFETCH no EXPERTS follows: the run still ends (END drops what it read), and the next run is exact
            List<Command> dense = new ArrayList<>(ProgramBuilder.m3vit(image.index(), 1).commands());
            dense.add(1, layer1);
            long[][] got = driver(sys, CommandCodec.encode(dense)).run(Task.SEMSEG, 100_000_000L, null).features().rawRows();
            for (int t = 0; t < ModelShape.TOKENS; t++) {
                assertArrayEquals(trace.layerOutputs()[0][t], got[t], "token " + t + " after layer 0, an unused PREFETCH");
            }
            assertLayer1With(sys, trace, List.of(layer1), "after an unused PREFETCH");

            // SLVERR inside a prefetched expert block: DDR_READ at that burst, then the next run is exact
            long e2 = SimulationBackend.DEFAULT_BASE + org.edgemoe.runtime.DdrLayout.WEIGHTS_OFFSET + image.tensor("l1.expert2.fc2").offset();
            sys.ddr().injectError(e2 + 4096, e2 + 4096 + 16, 2);
            AcceleratorException e = failing(driver(sys, program(2)));
            assertEquals(ErrorCode.DDR_READ, e.errorCode());
            assertEquals(e2 + 4096, e.errorAddr(), "the failing burst of the prefetched block");
            sys.ddr().clearErrors();
            assertLayer1With(sys, trace, List.of(layer1), "after a prefetch read error");
        }
    }

    static void assertLayer0(SystemSim sys, HwTrace trace) {
        long[][] got = run(sys, 1, Task.SEMSEG);
        for (int t = 0; t < ModelShape.TOKENS; t++) {
            assertArrayEquals(trace.layerOutputs()[0][t], got[t], "token " + t + " after layer 0");
        }
    }

    static AcceleratorException failing(Accelerator acc) {
        return assertThrows(AcceleratorException.class, () -> acc.run(Task.SEMSEG, 100_000_000L, null));
    }

    @Test
    void badCommandsAndDdrErrorsEndWithTheirCodeAndTheNextRunIsExact() {
        HwTrace trace = new HwModel(q).run(0);
        try (SystemSim sys = SystemSim.open()) {
            // a corrupt command after EMBED and LayerNorm: unknown opcode, stopped there
            byte[] bad = program(1);
            bad[3 * CommandCodec.BYTES] = 0x42;
            AcceleratorException e = failing(driver(sys, bad));
            assertEquals(ErrorCode.BAD_OPCODE, e.errorCode());
            assertEquals(3, e.commandIndex());
            assertLayer0(sys, trace);

            // SLVERR on the weights of layer 0's FC1, in the middle of the run
            long fc1 = SimulationBackend.DEFAULT_BASE + org.edgemoe.runtime.DdrLayout.WEIGHTS_OFFSET + image.tensor("l0.fc1").offset();
            sys.ddr().injectError(fc1 + 8192, fc1 + 8192 + 16, 2);
            e = failing(driver(sys, program(1)));
            assertEquals(ErrorCode.DDR_READ, e.errorCode());
            assertEquals(fc1 + 8192, e.errorAddr(), "the failing burst's address (4 KB bursts from a 4 KB-aligned tensor)");
            sys.ddr().clearErrors();
            assertLayer0(sys, trace);

            // DECERR on the output features
            long out = SimulationBackend.DEFAULT_BASE + org.edgemoe.runtime.DdrLayout.OUTPUT_OFFSET;
            sys.ddr().injectError(out + 4096, out + 4112, 3);
            e = failing(driver(sys, program(1)));
            assertEquals(ErrorCode.DDR_WRITE, e.errorCode());
            sys.ddr().clearErrors();
            assertLayer0(sys, trace);
        }
    }
}
