package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.attention.AttentionEngine;
import org.edgemoe.rtl.attention.AttnCmd;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.buffer.ActBuffer;

/**
 * The attention engine between the datapath's buffers: Q / K / V come in as the QKV linear's y beats into a
 * {@link QkvStore}; each command runs one head; every output row (head h, token t, head-dim values) is written
 * into the ATT buffer as {@code headDim / lanes} words at {@code t << (hb + kb) | h << kb | k}, so the projection
 * reads token t's D values with {@code xStride = 2^(hb + kb)}. {@code busy} is high from a command until its
 * head's last row is written.
 */
public final class AttentionStage extends Module {
    public final Stream<AttnCmd> cmd;
    public final Flow<ActBuffer.WriteBeat> qkvWrite;
    public final Flow<ActBuffer.WriteBeat> attWrite;
    public final Bool busy = out(Bool());
    public final Bool error = out(Bool());

    public AttentionStage(int lanes, int addrWidth, AttnConfig a) {
        param("LANES", lanes);
        cmd = slave(new Stream<>(new AttnCmd(a)));
        qkvWrite = slave(new Flow<>(new ActBuffer.WriteBeat(addrWidth, lanes, a.act())));
        attWrite = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, lanes, a.act())));

        QkvStore store = instance(new QkvStore(lanes, addrWidth, a));
        AttentionEngine eng = instance(new AttentionEngine(a));
        store.write.connectFrom(qkvWrite);
        store.qReq.driveFrom(eng.qReq);
        store.kReq.driveFrom(eng.kReq);
        store.vReq.driveFrom(eng.vReq);
        eng.qResp.driveFrom(store.qResp);
        eng.kResp.driveFrom(store.kResp);
        eng.vResp.driveFrom(store.vResp);
        eng.cmd.driveFrom(cmd);
        error.set(eng.error);

        // ---- rows out: headDim / lanes words each, one per cycle ----
        int words = a.headDim() / lanes;
        int kb = log2Up(words);
        int hb = log2Up(a.heads());
        UInt k = reg(UInt(Math.max(1, kb))).init(0).named("word");
        Bool lastWord = k.eq(words - 1).named("lastWord");
        eng.out.ready.set(lastWord);
        attWrite.valid.set(eng.out.valid);
        Bits addr = cat(eng.out.payload.token.asBits(), eng.out.payload.head.resize(hb).asBits(), k.resize(kb).asBits());
        attWrite.payload.addr.set(addr.asUInt().resize(addrWidth));
        for (int c = 0; c < lanes; c++) {
            Fix v = eng.out.payload.value.get(c);
            for (int w = 1; w < words; w++) {
                v = mux(k.eq(w), eng.out.payload.value.get(w * lanes + c), v);
            }
            attWrite.payload.lanes.get(c).set(v);
        }
        when(eng.out.valid, () -> k.set(mux(lastWord, U(0, k.width()), k.plus(1))));

        // ---- busy: heads accepted and not yet fully written ----
        UInt pending = reg(UInt(3)).init(0).named("pending");
        Bool in = cmd.fire();
        Bool done = eng.out.fire().and(eng.out.payload.last);
        when(in.and(done.not()), () -> pending.set(pending.plus(1))).elsewhen(done.and(in.not()), () -> pending.set(pending.minus(1)));
        busy.set(pending.ne(0).or(cmd.valid));
    }
}
