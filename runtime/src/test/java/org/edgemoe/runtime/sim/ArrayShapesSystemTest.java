package org.edgemoe.runtime.sim;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.edgemoe.model.M3VitWeights;
import org.edgemoe.model.ModelShape;
import org.edgemoe.model.WeightFolder;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.model.hw.HwModel;
import org.edgemoe.model.hw.HwTrace;
import org.edgemoe.model.hw.QuantizedWeights;
import org.edgemoe.runtime.Accelerator;
import org.edgemoe.runtime.ImageConfig;
import org.edgemoe.runtime.M3VitImage;
import org.edgemoe.runtime.SimulationBackend;
import org.edgemoe.runtime.Task;
import org.edgemoe.runtime.WeightImage;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.isa.ProgramBuilder;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.sim.axi.DdrConfig;
import org.junit.jupiter.api.Test;

/**
 * The accelerator is a generator: a compute unit other than the default's (by default the 16 x 16 one on two weight
 * ports, the default until 2026-12-03; {@code -Dedgemoe.sim.shapes.rows=N}, {@code .ports=P} for others) with its own
 * weight image (the stream order follows the array, the buffers, LayerNorm and embedding have R lanes) runs EMBED, a
 * dense layer and an MoE layer bit-exact to HwModel (measured: 618,974 cycles for the three on 16 x 16 with two ports,
 * against 257,012 on the 32 x 32 default), and the whole backbone bit-exact (3.3 M cycles, docs/performance.md).
 * Runs only with -Dedgemoe.sim.shapes=true (a second whole-accelerator model: minutes to compile on two cores;
 * -Dedgemoe.sim.shapes.layers=12 for the whole backbone); the design space exploration's validation runs such
 * shapes too.
 */
class ArrayShapesSystemTest {
    @Test
    void anotherComputeUnitIsBitExact() {
        assumeTrue(Boolean.getBoolean("edgemoe.sim.shapes"), "set -Dedgemoe.sim.shapes=true to simulate other array shapes");
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        Formats f = Formats.dsp18();
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), f);
        int rows = Integer.getInteger("edgemoe.sim.shapes.rows", 16);
        int ports = Integer.getInteger("edgemoe.sim.shapes.ports", 2);
        ImageConfig ic = new ImageConfig(f, rows, rows);
        WeightImage image = M3VitImage.pack(q, ic);
        long[] px = q.pixels();
        byte[] pixels = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            pixels[i] = (byte) px[i];
        }
        int layers = Integer.getInteger("edgemoe.sim.shapes.layers", 2);
        byte[] program = ProgramBuilder.m3vit(image.index(), layers).encode();
        HwTrace trace = new HwModel(q).run(0);
        try (SystemSim sys = SystemSim.open(AcceleratorConfig.m3vit(CuConfig.of(rows, rows, f)).withWeightPorts(ports), DdrConfig.zcu102())) {
            Accelerator acc = Accelerator.open(new SimulationBackend(sys, 300e6, SimulationBackend.DEFAULT_BASE,
                    SimulationBackend.DEFAULT_SIZE, "full-system simulation, " + rows + " x " + rows));
            acc.loadWeights(image, ic);
            acc.loadProgram(program);
            acc.loadInput(pixels);
            long t0 = sys.cycle();
            long[][] got = acc.run(Task.SEMSEG, 100_000_000L, null).features().rawRows();
            System.out.printf("SIM system.cu%dx%d.p%d.layers%d.task0 %d cycles%n", rows, rows, ports, layers, sys.cycle() - t0);
            for (int t = 0; t < ModelShape.TOKENS; t++) {
                assertArrayEquals(trace.layerOutputs()[layers - 1][t], got[t], "token " + t + " after layer " + (layers - 1));
            }
        }
    }
}
