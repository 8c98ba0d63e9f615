package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;

/**
 * The weight port's transfers and where their beats go: each {@link FetchReq} becomes a {@link TransferCmd} for
 * the read master and its destination enters an in-order queue; the read master's beats go to the destination at
 * the queue's head, which is popped on each transfer's last beat (the master returns transfers in order).
 * {@code outstanding(d)} counts the transfers to {@code d} issued and not yet fully delivered. {@code flush}
 * (after an error: the master drops its transfers) empties the queue and the counts.
 */
public final class FetchRouter extends Module {
    public static final int DEPTH = 4;

    public final Stream<FetchReq> req;
    public final Stream<TransferCmd> transfer;
    public final Stream<ReadBeat> data;
    public final Stream<ReadBeat> cuData;
    public final Stream<ReadBeat> lnData;
    public final Stream<ReadBeat> gateData;
    public final Stream<ReadBeat> posData;
    public final Stream<ReadBeat> pixelData;
    public final UInt cuOutstanding = out(UInt(log2Up(DEPTH + 1)));
    public final UInt lnOutstanding = out(UInt(log2Up(DEPTH + 1)));
    public final UInt gateOutstanding = out(UInt(log2Up(DEPTH + 1)));
    public final UInt posOutstanding = out(UInt(log2Up(DEPTH + 1)));
    public final UInt pixelOutstanding = out(UInt(log2Up(DEPTH + 1)));
    private final List<Stream<ReadBeat>> out;
    private final List<UInt> outstanding;
    public final Bool flush = in(Bool());
    /** A transfer is queued or in flight. */
    public final Bool busy = out(Bool());

    public FetchRouter(int dataWidth) {
        param("DATA_WIDTH", dataWidth);
        req = slave(new Stream<>(new FetchReq()));
        transfer = master(new Stream<>(new TransferCmd(32, 32)));
        data = slave(new Stream<>(new ReadBeat(dataWidth)));
        cuData = master(new Stream<>(new ReadBeat(dataWidth)));
        lnData = master(new Stream<>(new ReadBeat(dataWidth)));
        gateData = master(new Stream<>(new ReadBeat(dataWidth)));
        posData = master(new Stream<>(new ReadBeat(dataWidth)));
        pixelData = master(new Stream<>(new ReadBeat(dataWidth)));
        out = List.of(cuData, lnData, gateData, posData, pixelData);              // in FetchDest order
        outstanding = List.of(cuOutstanding, lnOutstanding, gateOutstanding, posOutstanding, pixelOutstanding);
        StreamFifo<HdlEnum<FetchDest>> tags = instance(new StreamFifo<>(Enum(FetchDest.class), DEPTH));

        // ---- issue: the transfer and its tag together ----
        Bool go = req.valid.and(transfer.ready).and(tags.push.ready).and(flush.not()).named("go");
        req.ready.set(transfer.ready.and(tags.push.ready).and(flush.not()));
        transfer.valid.set(req.valid.and(tags.push.ready).and(flush.not()));
        transfer.payload.addr.set(req.payload.addr);
        transfer.payload.bytes.set(req.payload.bytes);
        tags.push.valid.set(go);
        tags.push.payload.set(req.payload.dest);

        // ---- deliver: beats to the head tag's destination ----
        HdlEnum<FetchDest> head = tags.pop.payload;
        Bool readyAcc = B(false);
        for (FetchDest d : FetchDest.values()) {
            Stream<ReadBeat> o = out.get(d.ordinal());
            Bool mine = tags.pop.valid.and(head.is(d));
            o.valid.set(data.valid.and(mine));
            o.payload.set(data.payload);
            readyAcc = readyAcc.or(mine.and(o.ready));
        }
        data.ready.set(readyAcc.or(flush));
        Bool delivered = data.fire().and(data.payload.last).and(tags.pop.valid).named("delivered");
        tags.pop.ready.set(delivered.or(flush));
        for (FetchDest d : FetchDest.values()) {
            UInt n = outstanding.get(d.ordinal());
            UInt cnt = reg(UInt(n.width())).init(0).named("count_" + d.name().toLowerCase());
            Bool up = go.and(req.payload.dest.is(d));
            Bool down = delivered.and(head.is(d));
            when(flush, () -> cnt.set(U(0, n.width())))
                    .elsewhen(up.and(down.not()), () -> cnt.set(cnt.plus(1)))
                    .elsewhen(down.and(up.not()), () -> cnt.set(cnt.minus(1)));
            n.set(cnt);
        }
        busy.set(tags.pop.valid);
    }
}
