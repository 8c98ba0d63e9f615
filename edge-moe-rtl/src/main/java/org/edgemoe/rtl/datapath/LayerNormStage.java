package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.AddressGen;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.buffer.LoopCmd;
import org.edgemoe.rtl.layernorm.LayerNorm;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.rtl.layernorm.LnParamWrite;

/**
 * The LayerNorm unit between the residual buffer and the LNO buffer: a command walks the residual stream's
 * words (one per cycle, D / L a token) into the unit, and writes its output beats to the LNO buffer in the same
 * order. Gamma/beta sets are written through {@code param} (the top level fills them from DDR).
 */
public final class LayerNormStage extends Module {
    public final Stream<LnStageCmd> cmd;
    public final Stream<LnParamWrite> param;
    public final Stream<BufferAddr> resRead;
    public final Stream<ActBuffer.Word> resData;
    public final Flow<ActBuffer.WriteBeat> lnoWrite;
    public final Bool busy = out(Bool());

    public LayerNormStage(LnConfig cfg, int addrWidth) {
        int n = cfg.lanes();
        int cw = org.edgemoe.rtl.layernorm.LnCmd.TOKENS_WIDTH + log2Up(cfg.beats());
        param("LANES", n);
        cmd = slave(new Stream<>(new LnStageCmd(cfg.setWidth(), addrWidth)));
        param = slave(new Stream<>(new LnParamWrite(cfg)));
        resRead = master(new Stream<>(new BufferAddr(addrWidth)));
        resData = slave(new Stream<>(new ActBuffer.Word(n, cfg.in())));
        lnoWrite = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, n, cfg.out())));

        LayerNorm ln = instance(new LayerNorm(cfg));
        AddressGen rGen = instance(new AddressGen(addrWidth, cw));
        AddressGen wGen = instance(new AddressGen(addrWidth, cw));
        ln.param.driveFrom(param);
        List<Stream<LnStageCmd>> fk = cmd.fork(3);
        UInt words = cmd.payload.tokens.resize(cw).times(U(cfg.beats(), log2Up(cfg.beats() + 1))).resize(cw).named("words");
        ln.cmd.valid.set(fk.get(0).valid);
        ln.cmd.payload.set.set(cmd.payload.set);
        ln.cmd.payload.tokens.set(cmd.payload.tokens);
        fk.get(0).ready.set(ln.cmd.ready);
        rGen.cmd.driveFrom(walk(fk.get(1), cmd.payload.src, words, addrWidth, cw).queue(2));
        wGen.cmd.driveFrom(walk(fk.get(2), cmd.payload.dst, words, addrWidth, cw).queue(2));
        resRead.driveFrom(rGen.addr);
        ln.x.valid.set(resData.valid);
        ln.x.payload.set(resData.payload.lanes);
        resData.ready.set(ln.x.ready);
        Bool go = ln.y.valid.and(wGen.addr.valid).named("go");
        ln.y.ready.set(wGen.addr.valid);
        wGen.addr.ready.set(ln.y.valid);
        lnoWrite.valid.set(go);
        lnoWrite.payload.addr.set(wGen.addr.payload.addr);
        lnoWrite.payload.lanes.set(ln.y.payload.value);
        busy.set(ln.busy.or(rGen.busy).or(wGen.busy).or(rGen.cmd.valid).or(wGen.cmd.valid));
    }

    /** Consecutive words from {@code base}. */
    private static Stream<LoopCmd> walk(Stream<LnStageCmd> s, UInt base, UInt words, int aw, int cw) {
        Stream<LoopCmd> out = wire(new Stream<>(new LoopCmd(aw, cw)));
        out.valid.set(s.valid);
        s.ready.set(out.ready);
        out.payload.base.set(base);
        out.payload.counts.get(0).set(words);
        out.payload.counts.get(1).set(U(1, cw));
        out.payload.counts.get(2).set(U(1, cw));
        out.payload.strides.get(0).set(U(1, aw));
        out.payload.strides.get(1).set(U(0, aw));
        out.payload.strides.get(2).set(U(0, aw));
        return out;
    }
}
