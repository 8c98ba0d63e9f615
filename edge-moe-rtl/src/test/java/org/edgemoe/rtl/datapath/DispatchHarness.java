package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.rtl.top.DecodedCommand;

/** Test top: the command dispatcher in front of the layer datapath, its fetch port and the residual buffer's ports outside. */
public final class DispatchHarness extends Module {
    public final Stream<DecodedCommand> cmd;
    public final Stream<TransferCmd> fetch;
    public final Stream<ReadBeat> fetchData;
    public final Flow<ActBuffer.WriteBeat> resWrite;
    public final Stream<BufferAddr> resRead;
    public final Stream<ActBuffer.Word> resData;
    public final Bool busy = out(Bool());
    public final Bool unsupported = out(Bool());

    public DispatchHarness(DatapathConfig cfg, AttnConfig attn, LnConfig ln) {
        CommandDispatcher disp = instance(new CommandDispatcher(cfg, attn, ln, 128));
        LayerDatapath dp = instance(new LayerDatapath(cfg, attn, ln));
        cmd = slave(new Stream<>(new DecodedCommand()));
        fetch = master(new Stream<>(new TransferCmd(32, 32)));
        fetchData = slave(new Stream<>(new ReadBeat(128)));
        resWrite = slave(new Flow<>(new ActBuffer.WriteBeat(cfg.addrWidth(), cfg.lanes(), cfg.cu().formats().resid())));
        resRead = slave(new Stream<>(new BufferAddr(cfg.addrWidth())));
        resData = master(new Stream<>(new ActBuffer.Word(cfg.lanes(), cfg.cu().formats().resid())));
        disp.cmd.driveFrom(cmd);
        fetch.driveFrom(disp.fetch);
        disp.fetchData.driveFrom(fetchData);
        dp.linear.driveFrom(disp.linear);
        dp.weight.driveFrom(disp.weight);
        dp.lnCmd.driveFrom(disp.lnCmd);
        dp.lnParam.driveFrom(disp.lnParam);
        dp.attnCmd.driveFrom(disp.attnCmd);
        dp.list.valid.set(B(false));
        dp.list.payload.pos.set(U(0, dp.list.payload.pos.width()));
        dp.list.payload.token.set(U(0, dp.list.payload.token.width()));
        dp.list.payload.score.set(fix(0, dp.list.payload.score.format()));
        dp.list.payload.second.set(B(false));
        dp.resWrite.connectFrom(resWrite);
        dp.resRead.driveFrom(resRead);
        resData.driveFrom(dp.resData);
        disp.unitsBusy.set(dp.linearBusy.or(dp.lnBusy).or(dp.attnBusy));
        busy.set(disp.busy.or(dp.linearBusy).or(dp.lnBusy).or(dp.attnBusy));
        unsupported.set(disp.unsupported);
    }
}
