package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamWidthAdapter;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.AddressGen;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.buffer.LoopCmd;

/**
 * STORE's data path: reads {@code words} residual-buffer words from address 0 and sends them as bus beats for the
 * write master, each value sign-extended to 4 bytes (little-endian, lane 0 first), so DDR receives the
 * tokens x D output features token-major as int32 in the resid format ({@link ResidLoad}'s layout).
 */
public final class ResidStore extends Module {
    public final Stream<UInt> cmd;
    public final Stream<BufferAddr> read;
    public final Stream<ActBuffer.Word> readData;
    public final Stream<Bits> beats;
    public final Bool busy = out(Bool());

    public ResidStore(int busBits, int lanes, FixFormat resid, int addrWidth, int countWidth) {
        param("LANES", lanes);
        param("BUS_BITS", busBits);
        cmd = slave(new Stream<>(UInt(countWidth)));
        read = master(new Stream<>(new BufferAddr(addrWidth)));
        readData = slave(new Stream<>(new ActBuffer.Word(lanes, resid)));
        beats = master(new Stream<>(Bits(busBits)));

        AddressGen gen = instance(new AddressGen(addrWidth, countWidth));
        Stream<LoopCmd> walk = cmd.map(n -> {
            LoopCmd c = wire(new LoopCmd(addrWidth, countWidth));
            c.setRun(n);
            return c;
        });
        gen.cmd.driveFrom(walk);
        read.driveFrom(gen.addr);
        Stream<Bits> wide = readData.map(w -> {
            Bits acc = null;
            for (int k = lanes - 1; k >= 0; k--) {
                Bits lane = w.lanes.get(k).rawSInt().resize(8 * ResidLoad.VALUE_BYTES).asBits();
                acc = acc == null ? lane : cat(acc, lane);
            }
            return acc;
        });
        Stream<Bits> out = StreamWidthAdapter.adapt(wide, busBits);
        beats.driveFrom(out);
        busy.set(gen.busy.or(gen.cmd.valid).or(readData.valid).or(out.valid).or(cmd.valid));
    }
}
