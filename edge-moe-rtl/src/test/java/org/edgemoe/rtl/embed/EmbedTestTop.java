package org.edgemoe.rtl.embed;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.engine.LinearCmd;
import org.edgemoe.rtl.engine.LinearEngine;

/**
 * The patch embedding as the top level wires it: the {@link PixelStreamer} writes the patch vectors into an
 * activation buffer, the {@link LinearEngine} (16 x 16 or 32 x 32 compute unit: its rows are the words' lanes) runs the 768 -> 192 patch linear
 * from it and adds into the residual buffer (outside, a Java buffer preloaded with pos_embed) from token 1 on.
 */
public final class EmbedTestTop extends Module {
    public final Stream<EmbedCmd> cmd;
    public final Stream<TransferCmd> read;
    public final Stream<ReadBeat> data;
    public final Stream<LinearCmd> linear;
    public final Stream<Bits> weight;
    public final Stream<BufferAddr> destRead;
    public final Stream<ActBuffer.Word> destData;
    public final Flow<ActBuffer.WriteBeat> yResid;
    public final Flow<ActBuffer.WriteBeat> yAct;
    public final Bool streamerBusy = out(Bool());
    public final Bool engineBusy = out(Bool());

    public EmbedTestTop(EmbedConfig ec, CuConfig cc) {
        if (ec.lanes() != cc.rows()) {
            throw new IllegalArgumentException("patch buffer words of " + ec.lanes() + " pixels for a compute unit of " + cc.rows() + " rows");
        }
        int aw = ec.bufAddrWidth();
        PixelStreamer ps = instance(new PixelStreamer(ec));
        ActBuffer patches = instance(new ActBuffer(ec.tokens() * ec.wordsPerToken(), ec.lanes(), ec.act(), aw));
        LinearEngine eng = instance(new LinearEngine(cc, aw));
        cmd = slave(new Stream<>(new EmbedCmd(ec.ddrAddrWidth(), aw)));
        read = master(new Stream<>(new TransferCmd(ec.ddrAddrWidth(), ec.lengthWidth())));
        data = slave(new Stream<>(new ReadBeat(8 * ec.beatBytes())));
        linear = slave(new Stream<>(new LinearCmd(cc, aw)));
        weight = slave(new Stream<>(Bits(cc.cols() * CuConfig.WEIGHT_WIDTH)));
        destRead = master(new Stream<>(new BufferAddr(aw)));
        destData = slave(new Stream<>(new ActBuffer.Word(cc.cols(), cc.formats().resid())));
        yResid = master(new Flow<>(new ActBuffer.WriteBeat(aw, cc.cols(), cc.formats().resid())));
        yAct = master(new Flow<>(new ActBuffer.WriteBeat(aw, cc.cols(), cc.formats().act())));

        ps.cmd.driveFrom(cmd);
        read.driveFrom(ps.read);
        ps.data.driveFrom(data);
        patches.write.valid.set(ps.write.valid);
        patches.write.payload.set(ps.write.payload);
        ps.write.ready.set(B(true));
        eng.cmd.driveFrom(linear);
        eng.list.valid.set(B(false));
        eng.list.payload.setFromBits(Bits(0, eng.list.payload.bitWidth()));
        eng.weight.driveFrom(weight);
        patches.read.driveFrom(eng.xRead);
        eng.xData.driveFrom(patches.data);
        destRead.driveFrom(eng.destRead);
        eng.destData.driveFrom(destData);
        yResid.valid.set(eng.yResid.valid);
        yResid.payload.set(eng.yResid.payload);
        yAct.valid.set(eng.yAct.valid);
        yAct.payload.set(eng.yAct.payload);
        streamerBusy.set(ps.busy);
        engineBusy.set(eng.busy);
    }
}
