package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Ground;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.hdl.lib.axi.Axi4WriteOnly;

/**
 * AXI4 write master: transfers ({@link TransferCmd}, any byte address and length) and their bus-aligned data beats
 * in (one beat per bus word the transfer touches), INCR bursts out (at most 256 beats, never across 4 KB). The
 * first and last beats of a transfer carry write strobes for only its bytes. AW is issued first, its W beats
 * follow from a queue of issued bursts; up to {@code maxOutstanding} bursts await their B response.
 *
 * <p>Errors: the first B with SLVERR or DECERR sets {@link #error} (sticky, with that burst's address) and the
 * master stops cleanly: no new bursts, the rest of the transfer and new ones dropped, incoming data beats taken
 * and dropped, and bursts already announced on AW completed with strobes all zero (nothing written), so neither
 * the bus nor the data source can hang. {@code clear} re-arms it.
 */
public final class AxiWriteMaster extends Module {
    public final Stream<TransferCmd> cmd;
    public final Stream<Bits> data;
    public final Axi4WriteOnly axi;
    public final AxiError error;
    public final Bool clear = in(Bool());
    /**
     * While high: stop as after an error, without recording one (no new bursts, the rest dropped, incoming data
     * taken and dropped, announced bursts completed with zero strobes); {@link #busy} falls once drained.
     */
    public final Bool abort = in(Bool());
    /** A transfer is being cut, data are buffered, or bursts await data or a response. */
    public final Bool busy = out(Bool());
    /** A W beat was accepted this cycle. */
    public final Bool beat = out(Bool());
    /** Waiting for DDR: a W beat offered and not taken, or only responses outstanding. */
    public final Bool waiting = out(Bool());

    public AxiWriteMaster(Axi4Config cfg, int maxOutstanding, int lengthWidth) {
        if (maxOutstanding < 2 || maxOutstanding > 64) {
            throw new IllegalArgumentException("outstanding writes must be 2..64, was " + maxOutstanding);
        }
        int aw = cfg.addressWidth();
        int lanes = cfg.bytesPerBeat();
        int lw = Math.max(1, cfg.beatSizeLog2());
        param("ADDR_WIDTH", aw);
        param("DATA_WIDTH", cfg.dataWidth());
        param("OUTSTANDING", maxOutstanding);
        param("LEN_WIDTH", lengthWidth);
        cmd = slave(new Stream<>(new TransferCmd(aw, lengthWidth)));
        data = slave(new Stream<>(Bits(cfg.dataWidth())));
        axi = master(new Axi4WriteOnly(cfg));
        error = out(new AxiError(aw));

        BurstSplitter split = instance(new BurstSplitter(aw, lengthWidth, lanes));
        StreamFifo<Burst> toSend = instance(new StreamFifo<>(new Burst(aw, lw), maxOutstanding));
        StreamFifo<UInt> awaitingB = instance(new StreamFifo<>(UInt(aw), maxOutstanding));
        Stream<Bits> in = data.queue(2);
        Bool failed = reg(Bool()).init(false);
        UInt failResp = reg(UInt(2)).init(0);
        UInt failAddr = reg(UInt(aw)).init(0);

        split.cmd.driveFrom(cmd);
        Bool dropping = failed.or(abort).named("dropping");
        split.abort.set(dropping);

        // AW: only AW pushes both queues, so their readies never fall while a burst is offered
        Bool room = toSend.push.ready.and(awaitingB.push.ready);
        axi.aw.payload.driveIncrDefaults();
        axi.aw.payload.addr.set(split.burst.payload.addr);
        axi.aw.payload.len.set(split.burst.payload.len);
        axi.aw.valid.set(split.burst.valid.and(room));
        split.burst.ready.set(axi.aw.ready.and(room));
        toSend.push.valid.set(axi.aw.fire());
        toSend.push.payload.set(split.burst.payload);
        awaitingB.push.valid.set(axi.aw.fire());
        awaitingB.push.payload.set(split.burst.payload.addr);

        // W: the head burst's beats; strobes trimmed on the transfer's first and last beat
        UInt beatNo = reg(UInt(8)).init(0);
        Burst head = toSend.pop.payload;
        Bool lastBeat = beatNo.eq(head.len);
        Bool firstOfTransfer = head.first.and(beatNo.eq(0));
        Bool lastOfTransfer = head.last.and(lastBeat);
        Ground[] bits = new Ground[lanes];
        for (int i = 0; i < lanes; i++) {
            // lane i >= startLane and lane i <= endLane, without constant comparisons at the ends
            Bool afterStart = i == 0 ? head.startLane.eq(0) : i == lanes - 1 ? B(true) : head.startLane.le(i);
            Bool beforeEnd = i == lanes - 1 ? head.endLane.eq(lanes - 1) : i == 0 ? B(true) : head.endLane.ge(i);
            Bool keep = firstOfTransfer.not().or(afterStart).and(lastOfTransfer.not().or(beforeEnd));
            bits[lanes - 1 - i] = keep.and(dropping.not());
        }
        Bits strb = lanes == 1 ? ((Bool) bits[0]).asBits() : cat(bits);
        axi.w.valid.set(toSend.pop.valid.and(in.valid.or(dropping)));
        axi.w.payload.data.set(in.payload);
        axi.w.payload.strb.set(strb);
        axi.w.payload.last.set(lastBeat);
        if (axi.w.payload.user != null) {
            axi.w.payload.user.set(U(0, axi.w.payload.user.width()));
        }
        in.ready.set(toSend.pop.valid.and(axi.w.ready).or(dropping));
        toSend.pop.ready.set(axi.w.fire().and(lastBeat));
        when(axi.w.fire(), () -> beatNo.set(mux(lastBeat, U(0, 8), beatNo.plus(1))));

        // B
        axi.b.ready.set(true);
        awaitingB.pop.ready.set(axi.b.valid);
        when(axi.b.fire().and(axi.b.payload.resp.bit(1)).and(failed.not()), () -> {
            failed.set(true);
            failResp.set(axi.b.payload.resp);
            failAddr.set(awaitingB.pop.payload);
        });
        when(clear, () -> failed.set(false));

        error.valid.set(failed);
        error.resp.set(failResp);
        error.addr.set(failAddr);
        busy.set(split.busy.or(awaitingB.occupancy.ne(0)).or(toSend.occupancy.ne(0)).or(in.valid));
        beat.set(axi.w.fire());
        waiting.set(axi.w.valid.and(axi.w.ready.not()).or(awaitingB.occupancy.ne(0).and(toSend.occupancy.eq(0))));
    }

    /** Default: 8 outstanding bursts, 32-bit lengths. */
    public AxiWriteMaster(Axi4Config cfg) {
        this(cfg, 8, 32);
    }

    public AxiWriteMaster() {
        this(AxiReadMaster.defaultConfig());
    }
}
