package org.edgemoe.interop;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.Map;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.verilog.ImportedModule;
import org.edgemoe.hdl.verilog.VerilogModule;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.gelu.GeluUnit;

/** Java designs of the interop tests. */
final class InteropDesigns {
    private InteropDesigns() { }

    static final int LANES = 2;

    /** The GELU unit the Scala side wraps (GeluUnit.scala is generated from it). */
    static GeluUnit gelu() {
        return new GeluUnit(Formats.dsp18(), LANES);
    }

    /** Direction (a): SpinalHDL's StreamFifo (imported) feeding our GELU unit; lanes packed in Bits, lane 0 low. */
    static final class FifoIntoGelu extends Module {
        final Stream<Bits> input;
        final Stream<Bits> output;

        FifoIntoGelu(VerilogModule spinalFifo, int laneWidth) {
            input = slave(new Stream<>(Bits(LANES * laneWidth)));
            output = master(new Stream<>(Bits(LANES * laneWidth)));
            ImportedModule fifo = instance(new ImportedModule(spinalFifo, Map.of(), true));
            fifo.<Bits>stream("push").driveFrom(input);
            fifo.<Bool>port("io_flush").set(B(false));
            GeluUnit g = instance(gelu());
            Stream<Bits> pop = fifo.stream("pop");
            g.input.valid.set(pop.valid);
            pop.ready.set(g.input.ready);
            g.input.payload.setFromBits(pop.payload);
            output.valid.set(g.output.valid);
            g.output.ready.set(output.ready);
            output.payload.set(g.output.payload.toBits());
        }
    }
}
