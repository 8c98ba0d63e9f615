package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.attention.AttnCmd;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.buffer.ReadArbiter;
import org.edgemoe.rtl.engine.ExpertEntry;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.rtl.layernorm.LnParamWrite;

/**
 * Everything a transformer layer runs on, on chip: the {@link Datapath} (buffers and linear engine), the
 * {@link LayerNormStage} (residual buffer to LNO) and the {@link AttentionStage} (QKV store to ATT). Each unit
 * takes its own commands; a sequencer (or a test) issues them in the layer's order and waits for each unit's
 * busy to fall before a command that reads what it writes. The residual stream is loaded through
 * {@code resWrite} (embedding) and read through {@code resRead} (the DDR store), which shares the buffer's
 * read port with LayerNorm.
 */
public final class LayerDatapath extends Module {
    public final Stream<LinearOp> linear;
    public final Stream<Bits> weight;
    public final Flow<ExpertEntry> list;
    public final Stream<LnStageCmd> lnCmd;
    public final Stream<LnParamWrite> lnParam;
    public final Stream<AttnCmd> attnCmd;
    public final Flow<ActBuffer.WriteBeat> resWrite;
    public final Stream<BufferAddr> resRead;
    public final Stream<ActBuffer.Word> resData;
    public final Bool linearBusy = out(Bool());
    public final Bool lnBusy = out(Bool());
    public final Bool attnBusy = out(Bool());
    public final Bool attnError = out(Bool());

    public LayerDatapath(DatapathConfig cfg, AttnConfig attn, LnConfig ln) {
        Formats f = cfg.cu().formats();
        int aw = cfg.addrWidth();
        int n = cfg.lanes();
        FixFormat res = f.resid();
        if (ln.lanes() != n || attn.formats() != f && !attn.formats().equals(f) || !ln.formats().equals(f)) {
            throw new IllegalArgumentException("LayerNorm lanes and every unit's profile must match the datapath's");
        }
        param("LANES", n);
        param("PROFILE", f.name());
        Datapath dp = instance(new Datapath(cfg));
        LayerNormStage lns = instance(new LayerNormStage(ln, aw));
        AttentionStage att = instance(new AttentionStage(n, aw, attn));
        ReadArbiter resArb = instance(new ReadArbiter(aw, n, res));

        linear = slave(new Stream<>(new LinearOp(cfg)));
        weight = slave(new Stream<>(Bits(n * org.edgemoe.rtl.cu.CuConfig.WEIGHT_WIDTH)));
        list = slave(new Flow<>(new ExpertEntry(log2Up(cfg.cu().maxTokens()), cfg.cu().tokenIndexWidth(), f.prob())));
        lnCmd = slave(new Stream<>(new LnStageCmd(ln.setWidth(), aw)));
        lnParam = slave(new Stream<>(new LnParamWrite(ln)));
        attnCmd = slave(new Stream<>(new AttnCmd(attn)));
        resWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, res)));
        resRead = slave(new Stream<>(new BufferAddr(aw)));
        resData = master(new Stream<>(new ActBuffer.Word(n, res)));

        dp.linear.driveFrom(linear);
        dp.weight.driveFrom(weight);
        dp.list.connectFrom(list);
        lns.cmd.driveFrom(lnCmd);
        lns.param.driveFrom(lnParam);
        att.cmd.driveFrom(attnCmd);

        // residual buffer: LayerNorm and the external reader share the read port; embedding writes it
        resArb.read0.driveFrom(lns.resRead);
        lns.resData.driveFrom(resArb.data0);
        resArb.read1.driveFrom(resRead);
        resData.driveFrom(resArb.data1);
        dp.resRead.driveFrom(resArb.read);
        resArb.data.driveFrom(dp.resData);
        dp.resWrite.connectFrom(resWrite);
        dp.lnoWrite.connectFrom(lns.lnoWrite);
        att.qkvWrite.connectFrom(dp.qkvOut);
        dp.attWrite.connectFrom(att.attWrite);
        idle(dp);
        linearBusy.set(dp.busy);
        lnBusy.set(lns.busy);
        attnBusy.set(att.busy);
        attnError.set(att.error);
    }

    /** External ports of the datapath no unit uses yet: reads never issued, writes never valid. */
    private static void idle(Datapath dp) {
        for (Stream<BufferAddr> r : java.util.List.of(dp.lnoRead, dp.attRead, dp.hidRead, dp.secRead)) {
            r.valid.set(B(false));
            r.payload.addr.set(U(0, r.payload.addr.width()));
            r.payload.last.set(B(false));
        }
        for (Stream<ActBuffer.Word> d : java.util.List.of(dp.lnoData, dp.attData, dp.hidData, dp.secData)) {
            d.ready.set(B(false));
        }
        for (Flow<ActBuffer.WriteBeat> w : java.util.List.of(dp.hidWrite, dp.secWrite)) {
            w.valid.set(B(false));
            w.payload.addr.set(U(0, w.payload.addr.width()));
            for (int k = 0; k < w.payload.lanes.size(); k++) {
                w.payload.lanes.get(k).set(fix(0, w.payload.lanes.get(k).format()));
            }
        }
    }
}
