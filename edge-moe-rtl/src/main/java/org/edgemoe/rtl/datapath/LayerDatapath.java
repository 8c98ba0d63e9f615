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
    /** The LNO buffer's read port (the gate stage). */
    public final Stream<BufferAddr> lnoRead;
    public final Stream<ActBuffer.Word> lnoData;
    /** The HID buffer's write port (the pixel streamer's patch vectors). */
    public final Flow<ActBuffer.WriteBeat> hidWrite;
    /** After an expert loop: RES += SEC over the words of the command ({@link ExpertMerge}). */
    public final Stream<org.edgemoe.rtl.buffer.LoopCmd> mergeCmd;
    public final Bool mergeBusy = out(Bool());
    public final Bool linearBusy = out(Bool());
    public final Bool lnBusy = out(Bool());
    public final Bool attnBusy = out(Bool());
    /** A word of the QKV linear's output is written into the attention's Q / K / V store this cycle. */
    public final Bool qkvWritten = out(Bool());
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
        ReadArbiter extArb = instance(new ReadArbiter(aw, n, res));
        ExpertMerge merge = instance(new ExpertMerge(f, n, aw, 16));

        linear = slave(new Stream<>(new LinearOp(cfg)));
        weight = slave(new Stream<>(Bits(n * org.edgemoe.rtl.cu.CuConfig.WEIGHT_WIDTH)));
        list = slave(new Flow<>(new ExpertEntry(log2Up(cfg.cu().maxTokens()), cfg.cu().tokenIndexWidth(), f.prob())));
        lnCmd = slave(new Stream<>(new LnStageCmd(ln.setWidth(), aw)));
        lnParam = slave(new Stream<>(new LnParamWrite(ln)));
        attnCmd = slave(new Stream<>(new AttnCmd(attn)));
        resWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, res)));
        resRead = slave(new Stream<>(new BufferAddr(aw)));
        resData = master(new Stream<>(new ActBuffer.Word(n, res)));
        lnoRead = slave(new Stream<>(new BufferAddr(aw)));
        lnoData = master(new Stream<>(new ActBuffer.Word(n, f.act())));
        hidWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, f.act())));
        mergeCmd = slave(new Stream<>(new org.edgemoe.rtl.buffer.LoopCmd(aw, 16)));

        dp.linear.driveFrom(linear);
        dp.weight.driveFrom(weight);
        dp.list.connectFrom(list);
        lns.cmd.driveFrom(lnCmd);
        lns.param.driveFrom(lnParam);
        att.cmd.driveFrom(attnCmd);

        // residual buffer: LayerNorm, the expert merge and the external reader (the store) share the read port;
        // the embedding's pos_embed load and the merge write it (never at the same time)
        resArb.read0.driveFrom(lns.resRead);
        lns.resData.driveFrom(resArb.data0);
        extArb.read0.driveFrom(merge.resRead);
        merge.resData.driveFrom(extArb.data0);
        extArb.read1.driveFrom(resRead);
        resData.driveFrom(extArb.data1);
        resArb.read1.driveFrom(extArb.read);
        extArb.data.driveFrom(resArb.data1);
        dp.resRead.driveFrom(resArb.read);
        resArb.data.driveFrom(dp.resData);
        dp.resWrite.valid.set(resWrite.valid.or(merge.resWrite.valid));
        dp.resWrite.payload.set(mux(merge.resWrite.valid, merge.resWrite.payload, resWrite.payload));
        merge.cmd.driveFrom(mergeCmd);
        dp.secRead.driveFrom(merge.secRead);
        merge.secData.driveFrom(dp.secData);
        dp.lnoRead.driveFrom(lnoRead);
        lnoData.driveFrom(dp.lnoData);
        dp.hidWrite.connectFrom(hidWrite);
        mergeBusy.set(merge.busy);
        dp.lnoWrite.connectFrom(lns.lnoWrite);
        att.qkvWrite.connectFrom(dp.qkvOut);
        dp.attWrite.connectFrom(att.attWrite);
        idle(dp);
        linearBusy.set(dp.busy);
        lnBusy.set(lns.busy);
        attnBusy.set(att.busy);
        qkvWritten.set(dp.qkvOut.valid);
        attnError.set(att.error);
    }

    /** External ports of the datapath no unit uses yet: reads never issued, writes never valid. */
    private static void idle(Datapath dp) {
        for (Stream<BufferAddr> r : java.util.List.of(dp.attRead, dp.hidRead)) {
            r.valid.set(B(false));
            r.payload.addr.set(U(0, r.payload.addr.width()));
            r.payload.last.set(B(false));
        }
        for (Stream<ActBuffer.Word> d : java.util.List.of(dp.attData, dp.hidData)) {
            d.ready.set(B(false));
        }
        for (Flow<ActBuffer.WriteBeat> w : java.util.List.of(dp.secWrite)) {
            w.valid.set(B(false));
            w.payload.addr.set(U(0, w.payload.addr.width()));
            for (int k = 0; k < w.payload.lanes.size(); k++) {
                w.payload.lanes.get(k).set(fix(0, w.payload.lanes.get(k).format()));
            }
        }
    }
}
