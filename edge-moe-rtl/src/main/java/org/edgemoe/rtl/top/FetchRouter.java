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
 * {@code outstanding(d)} counts the transfers to {@code d} issued and not yet fully delivered. A {@code buffered}
 * request issues no transfer: it goes to the prefetcher on {@code bufReq} and takes its place in the same queue, and
 * when it is at the head the beats come from {@code bufData} instead of the read master, so the destination sees one
 * in-order stream whichever path a block took. {@code flush} (after an error: the master drops its transfers) empties
 * the queue and the counts.
 */
public final class FetchRouter extends Module {
    public static final int DEPTH = 4;

    public final Stream<FetchReq> req;
    public final Stream<TransferCmd> transfer;
    public final Stream<ReadBeat> data;
    /** Buffered requests, in order, to the prefetcher. */
    public final Stream<FetchReq> bufReq;
    /** The prefetcher's beats of those blocks, in the same order, {@code last} on each block's final beat. */
    public final Stream<ReadBeat> bufData;
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
        bufReq = master(new Stream<>(new FetchReq()));
        bufData = slave(new Stream<>(new ReadBeat(dataWidth)));
        cuData = master(new Stream<>(new ReadBeat(dataWidth)));
        lnData = master(new Stream<>(new ReadBeat(dataWidth)));
        gateData = master(new Stream<>(new ReadBeat(dataWidth)));
        posData = master(new Stream<>(new ReadBeat(dataWidth)));
        pixelData = master(new Stream<>(new ReadBeat(dataWidth)));
        out = List.of(cuData, lnData, gateData, posData, pixelData);              // in FetchDest order
        outstanding = List.of(cuOutstanding, lnOutstanding, gateOutstanding, posOutstanding, pixelOutstanding);
        StreamFifo<FetchTag> tags = instance(new StreamFifo<>(new FetchTag(), DEPTH));

        // ---- issue: the transfer (or the prefetcher's request) and its tag together ----
        Bool buffered = req.payload.buffered;
        Bool pathReady = mux(buffered, bufReq.ready, transfer.ready).named("pathReady");
        Bool go = req.valid.and(pathReady).and(tags.push.ready).and(flush.not()).named("go");
        req.ready.set(pathReady.and(tags.push.ready).and(flush.not()));
        transfer.valid.set(req.valid.and(buffered.not()).and(tags.push.ready).and(flush.not()));
        transfer.payload.addr.set(req.payload.addr);
        transfer.payload.bytes.set(req.payload.bytes);
        bufReq.valid.set(req.valid.and(buffered).and(tags.push.ready).and(flush.not()));
        bufReq.payload.set(req.payload);
        tags.push.valid.set(go);
        tags.push.payload.dest.set(req.payload.dest);
        tags.push.payload.buffered.set(buffered);

        // ---- deliver: beats of the head tag's path to its destination ----
        HdlEnum<FetchDest> head = tags.pop.payload.dest;
        Bool fromBuf = tags.pop.payload.buffered;
        Bool inValid = mux(fromBuf, bufData.valid, data.valid).named("beatValid");
        ReadBeat beat = mux(fromBuf, bufData.payload, data.payload);
        Bool readyAcc = B(false);
        for (FetchDest d : FetchDest.values()) {
            Stream<ReadBeat> o = out.get(d.ordinal());
            Bool mine = tags.pop.valid.and(head.is(d));
            o.valid.set(inValid.and(mine));
            o.payload.set(beat);
            readyAcc = readyAcc.or(mine.and(o.ready));
        }
        data.ready.set(readyAcc.and(fromBuf.not()).or(flush));
        bufData.ready.set(readyAcc.and(fromBuf).or(flush));
        Bool delivered = inValid.and(readyAcc).and(beat.last).and(tags.pop.valid).named("delivered");
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
