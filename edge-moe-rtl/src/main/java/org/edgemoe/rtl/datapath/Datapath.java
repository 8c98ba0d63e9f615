package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.EnumMap;
import java.util.Map;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.engine.ExpertEntry;
import org.edgemoe.rtl.engine.LinearEngine;

/**
 * The on-chip datapath of a layer: the activation buffers ({@link ActBuf}: LNO, ATT, HID; the residual stream RES
 * and the second-expert sums SEC) and the {@link LinearEngine}. Outputs with destination QKV leave on
 * {@code qkvOut} for the attention stage's {@link QkvStore}; QKV is never an x source. A {@link LinearOp} takes the buffers it
 * uses (its x source and its act destination, and always RES and SEC) from the moment it is accepted until the
 * engine is idle; every other buffer stays on its external port (one read port and one write
 * port per buffer: LayerNorm, attention, the router, embedding and the DDR store use these). An op is accepted
 * only when the engine is idle and the buffers it takes have no read data pending on their external ports, so
 * a buffer changes hands only between transfers. An external access to a buffer the engine holds waits.
 */
public final class Datapath extends Module {
    public final Stream<LinearOp> linear;
    public final Flow<ExpertEntry> list;
    public final Stream<Bits> weight;
    public final Bool busy = out(Bool());

    public final Stream<BufferAddr> lnoRead;
    public final Stream<ActBuffer.Word> lnoData;
    public final Flow<ActBuffer.WriteBeat> lnoWrite;
    /** The engine's act outputs of ops with destination QKV: Q, K and V go to the attention stage's store. */
    public final Flow<ActBuffer.WriteBeat> qkvOut;
    public final Stream<BufferAddr> attRead;
    public final Stream<ActBuffer.Word> attData;
    public final Flow<ActBuffer.WriteBeat> attWrite;
    public final Stream<BufferAddr> hidRead;
    public final Stream<ActBuffer.Word> hidData;
    public final Flow<ActBuffer.WriteBeat> hidWrite;
    public final Stream<BufferAddr> resRead;
    public final Stream<ActBuffer.Word> resData;
    public final Flow<ActBuffer.WriteBeat> resWrite;
    public final Stream<BufferAddr> secRead;
    public final Stream<ActBuffer.Word> secData;
    public final Flow<ActBuffer.WriteBeat> secWrite;

    private final ActBuffer lno;
    private final ActBuffer att;
    private final ActBuffer hid;
    private final ActBuffer resBuf;
    private final ActBuffer secBuf;

    public Datapath(DatapathConfig cfg) {
        Formats f = cfg.cu().formats();
        int aw = cfg.addrWidth();
        int n = cfg.lanes();
        FixFormat act = f.act();
        FixFormat res = f.resid();
        param("LANES", n);
        param("TOKENS", cfg.maxTokens());
        param("PROFILE", f.name());
        linear = slave(new Stream<>(new LinearOp(cfg)));
        list = slave(new Flow<>(new ExpertEntry(log2Up(cfg.cu().maxTokens()), cfg.cu().tokenIndexWidth(), f.prob())));
        weight = slave(new Stream<>(Bits(n * org.edgemoe.rtl.cu.CuConfig.WEIGHT_WIDTH)));
        lnoRead = slave(new Stream<>(new BufferAddr(aw)));
        lnoData = master(new Stream<>(new ActBuffer.Word(n, act)));
        lnoWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, act)));
        qkvOut = master(new Flow<>(new ActBuffer.WriteBeat(aw, n, act)));
        attRead = slave(new Stream<>(new BufferAddr(aw)));
        attData = master(new Stream<>(new ActBuffer.Word(n, act)));
        attWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, act)));
        hidRead = slave(new Stream<>(new BufferAddr(aw)));
        hidData = master(new Stream<>(new ActBuffer.Word(n, act)));
        hidWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, act)));
        resRead = slave(new Stream<>(new BufferAddr(aw)));
        resData = master(new Stream<>(new ActBuffer.Word(n, res)));
        resWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, res)));
        secRead = slave(new Stream<>(new BufferAddr(aw)));
        secData = master(new Stream<>(new ActBuffer.Word(n, res)));
        secWrite = slave(new Flow<>(new ActBuffer.WriteBeat(aw, n, res)));

        LinearEngine eng = instance(new LinearEngine(cfg.cu(), aw));
        eng.list.connectFrom(list);
        eng.weight.driveFrom(weight);
        lno = instance(new ActBuffer(cfg.words(ActBuf.LNO), n, act, aw));
        att = instance(new ActBuffer(cfg.words(ActBuf.ATT), n, act, aw));
        hid = instance(new ActBuffer(cfg.words(ActBuf.HID), n, act, aw));
        resBuf = instance(new ActBuffer(cfg.residWords(), n, res, aw));
        secBuf = instance(new ActBuffer(cfg.residWords(), n, res, aw));
        Map<ActBuf, ActBuffer> bufs = new EnumMap<>(Map.of(ActBuf.LNO, lno, ActBuf.ATT, att, ActBuf.HID, hid));

        // ---- ownership: taken when an op is accepted, given back when the engine is idle ----
        Bool held = reg(Bool()).init(false).named("held");
        HdlEnum<ActBuf> src = reg(Enum(ActBuf.class)).init(ActBuf.LNO).named("src");
        HdlEnum<ActBuf> dst = reg(Enum(ActBuf.class)).init(ActBuf.QKV).named("dst");
        Bool free = held.not().and(eng.busy.not()).and(quietFor(bufs, resBuf, secBuf)).named("free");
        linear.ready.set(free.and(eng.cmd.ready));
        eng.cmd.valid.set(free.and(linear.valid));
        eng.cmd.payload.set(linear.payload.lin);
        when(linear.fire(), () -> {
            held.set(true);
            src.set(linear.payload.src);
            dst.set(linear.payload.dst);
        }).elsewhen(eng.busy.not(), () -> held.set(false));

        // ---- the engine's x reads: from its source buffer ----
        Bool xReady = B(false);
        Bool xValid = B(false);
        for (ActBuf k : bufs.keySet()) {
            ActBuffer b = bufs.get(k);
            xReady = xReady.or(src.is(k).and(b.read.ready));
            xValid = xValid.or(src.is(k).and(b.data.valid));
        }
        eng.xRead.ready.set(held.and(xReady));
        eng.xData.valid.set(held.and(xValid));
        ActBuffer.Word xWord = bufs.get(ActBuf.LNO).data.payload;
        for (ActBuf k : new ActBuf[] {ActBuf.ATT, ActBuf.HID}) {
            xWord = mux(src.is(k), bufs.get(k).data.payload, xWord);
        }
        eng.xData.payload.set(xWord);

        connect(bufs.get(ActBuf.LNO), lnoRead, lnoData, lnoWrite, held, src.is(ActBuf.LNO), dst.is(ActBuf.LNO), eng);
        qkvOut.valid.set(held.and(dst.is(ActBuf.QKV)).and(eng.yAct.valid));
        qkvOut.payload.set(eng.yAct.payload);
        connect(bufs.get(ActBuf.ATT), attRead, attData, attWrite, held, src.is(ActBuf.ATT), dst.is(ActBuf.ATT), eng);
        connect(bufs.get(ActBuf.HID), hidRead, hidData, hidWrite, held, src.is(ActBuf.HID), dst.is(ActBuf.HID), eng);
        connectResid(resBuf, resRead, resData, resWrite, held, eng.destRead, eng.destData, eng.yResid);
        connectResid(secBuf, secRead, secData, secWrite, held, null, null, eng.ySecond);
        busy.set(held.or(eng.busy));
    }

    private Bool quietFor(Map<ActBuf, ActBuffer> bufs, ActBuffer resBuf, ActBuffer secBuf) {
        Bool q = resBuf.data.valid.not().and(secBuf.data.valid.not());
        for (ActBuffer b : bufs.values()) {
            q = q.and(b.data.valid.not());
        }
        return q.named("quiet");
    }

    /** An act buffer: the engine's x reads when it is the source, the engine's act writes when it is the destination. */
    private static void connect(ActBuffer b, Stream<BufferAddr> extRead, Stream<ActBuffer.Word> extData,
                                Flow<ActBuffer.WriteBeat> extWrite, Bool held, Bool isSrc, Bool isDst, LinearEngine eng) {
        Bool engReads = held.and(isSrc);
        Bool engWrites = held.and(isDst);
        b.read.valid.set(mux(engReads, eng.xRead.valid, extRead.valid));
        b.read.payload.set(mux(engReads, eng.xRead.payload, extRead.payload));
        extRead.ready.set(engReads.not().and(b.read.ready));
        extData.valid.set(engReads.not().and(b.data.valid));
        extData.payload.set(b.data.payload);
        b.data.ready.set(mux(engReads, eng.xData.ready, extData.ready));
        b.write.valid.set(mux(engWrites, eng.yAct.valid, extWrite.valid.and(engWrites.not())));
        b.write.payload.set(mux(engWrites, eng.yAct.payload, extWrite.payload));
    }

    private static void connectResid(ActBuffer b, Stream<BufferAddr> extRead, Stream<ActBuffer.Word> extData,
                                     Flow<ActBuffer.WriteBeat> extWrite, Bool held, Stream<BufferAddr> engRead,
                                     Stream<ActBuffer.Word> engData, Flow<ActBuffer.WriteBeat> engWrite) {
        if (engRead != null) {
            readMux(b, held, engRead, engData, extRead, extData);
        } else {
            b.read.valid.set(extRead.valid.and(held.not()));
            b.read.payload.set(extRead.payload);
            extRead.ready.set(b.read.ready.and(held.not()));
            extData.valid.set(b.data.valid);
            extData.payload.set(b.data.payload);
            b.data.ready.set(extData.ready);
        }
        b.write.valid.set(mux(held, engWrite.valid, extWrite.valid));   // an op holds RES and SEC
        b.write.payload.set(mux(held, engWrite.payload, extWrite.payload));
    }

    /** One read port, to the engine while {@code eng} is high, else to the external port. */
    private static void readMux(ActBuffer b, Bool eng, Stream<BufferAddr> engRead, Stream<ActBuffer.Word> engData,
                                Stream<BufferAddr> extRead, Stream<ActBuffer.Word> extData) {
        b.read.valid.set(mux(eng, engRead.valid, extRead.valid));
        b.read.payload.set(mux(eng, engRead.payload, extRead.payload));
        engRead.ready.set(eng.and(b.read.ready));
        extRead.ready.set(eng.not().and(b.read.ready));
        engData.valid.set(eng.and(b.data.valid));
        extData.valid.set(eng.not().and(b.data.valid));
        engData.payload.set(b.data.payload);
        extData.payload.set(b.data.payload);
        b.data.ready.set(mux(eng, engData.ready, extData.ready));
    }
}
