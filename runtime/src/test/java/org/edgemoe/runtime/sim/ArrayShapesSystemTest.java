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
 * The accelerator is a generator: a 32 x 32 compute unit (32-lane buffers, LayerNorm and embedding) with its own
 * weight image (the stream order follows the array) runs EMBED, a dense layer and an MoE layer bit-exact to HwModel
 * (measured: 463,894 cycles for the three, against 747,298 on the 16 x 16 array: the MoE layer is weight-port bound).
 * Runs only with -Dedgemoe.sim.shapes=true (a second whole-accelerator model: minutes to compile on two cores); the design
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
        ProgramBuilder p = new ProgramBuilder(image.index(), ModelShape.TOKENS).embed("patch_embed", "pos_embed").layer(0).layer(1);
        byte[] program = p.store(Buf.RES, ModelShape.DIM).end().encode();
        HwTrace trace = new HwModel(q).run(0);
        try (SystemSim sys = SystemSim.open(AcceleratorConfig.m3vit(CuConfig.of(32, 32, f)), DdrConfig.zcu102())) {
            Accelerator acc = Accelerator.open(new SimulationBackend(sys, 300e6, SimulationBackend.DEFAULT_BASE,
                    SimulationBackend.DEFAULT_SIZE, "full-system simulation, 32 x 32"));
            acc.loadWeights(image, ic);
            acc.loadProgram(program);
            acc.loadInput(pixels);
            long t0 = sys.cycle();
            long[][] got = acc.run(Task.SEMSEG, 100_000_000L, null).features().rawRows();
            System.out.printf("SIM system.cu32x32.layers2.task0 %d cycles%n", sys.cycle() - t0);
            for (int t = 0; t < ModelShape.TOKENS; t++) {
                assertArrayEquals(trace.layerOutputs()[1][t], got[t], "token " + t + " after layer 1");
            }
        }
    }
}
