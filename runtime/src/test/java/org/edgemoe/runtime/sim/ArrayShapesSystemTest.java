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
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.ProgramBuilder;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.sim.axi.DdrConfig;
import org.junit.jupiter.api.Test;

/**
 * The accelerator is a generator: a 32 x 32 compute unit (32-lane buffers, LayerNorm and embedding) on three weight
 * ports with its own
 * weight image (the stream order follows the array) runs EMBED, a dense layer and an MoE layer bit-exact to HwModel
 * (measured: 278,986 cycles for the three, against 640,052 on the default 16 x 16 array with two ports), and the
 * whole backbone bit-exact (measured 1.5 M cycles, see docs/performance.md).
 * Runs only with -Dedgemoe.sim.shapes=true (a second whole-accelerator model: minutes to compile on two cores;
 * -Dedgemoe.sim.shapes.layers=12 for the whole backbone); the design
 * space exploration's validation runs it too.
 */
class ArrayShapesSystemTest {
    @Test
    void a32x32ComputeUnitIsBitExact() {
        assumeTrue(Boolean.getBoolean("edgemoe.sim.shapes"), "set -Dedgemoe.sim.shapes=true to simulate other array shapes");
        Path folder = WeightFolder.locate().orElse(null);
        assumeTrue(folder != null, WeightFolder.absentMessage());
        Formats f = Formats.dsp18();
        QuantizedWeights q = new QuantizedWeights(M3VitWeights.load(folder), f);
        ImageConfig ic = new ImageConfig(f, 32, 32);
        WeightImage image = M3VitImage.pack(q, ic);
        long[] px = q.pixels();
        byte[] pixels = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            pixels[i] = (byte) px[i];
        }
        int layers = Integer.getInteger("edgemoe.sim.shapes.layers", 2);
        ProgramBuilder p = new ProgramBuilder(image.index(), ModelShape.TOKENS).embed("patch_embed", "pos_embed");
        for (int l = 0; l < layers; l++) {
            p.layer(l);
        }
        byte[] program = p.store(Buf.RES, ModelShape.DIM).end().encode();
        HwTrace trace = new HwModel(q).run(0);
        try (SystemSim sys = SystemSim.open(AcceleratorConfig.m3vit(CuConfig.of(32, 32, f)).withWeightPorts(3), DdrConfig.zcu102())) {
            Accelerator acc = Accelerator.open(new SimulationBackend(sys, 300e6, SimulationBackend.DEFAULT_BASE,
                    SimulationBackend.DEFAULT_SIZE, "full-system simulation, 32 x 32"));
            acc.loadWeights(image, ic);
            acc.loadProgram(program);
            acc.loadInput(pixels);
            long t0 = sys.cycle();
            long[][] got = acc.run(Task.SEMSEG, 100_000_000L, null).features().rawRows();
            System.out.printf("SIM system.cu32x32.p3.layers%d.task0 %d cycles%n", layers, sys.cycle() - t0);
            for (int t = 0; t < ModelShape.TOKENS; t++) {
                assertArrayEquals(trace.layerOutputs()[layers - 1][t], got[t], "token " + t + " after layer " + (layers - 1));
            }
        }
    }
}
