package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;

/**
 * AXI4 read master: transfers ({@link TransferCmd}, any byte address and length) in, bus-aligned data beats out
 * ({@link ReadBeat}, {@code last} on each transfer's final beat). A {@link BurstSplitter} cuts INCR bursts (at
 * most 256 beats, never across 4 KB); up to {@code maxOutstanding} bursts are in flight, each remembered in an
 * in-order queue (AXI returns one id's bursts in order). R beats go through a {@code bufferDepth}-beat FIFO, so
 * RREADY is a registered signal and a consumer stall is the only back-pressure on R.
 *
 * <p>Errors: the first R beat with SLVERR or DECERR sets {@link #error} (sticky, with the response and the
 * failing burst's address) and the master stops cleanly: no more bursts are issued, the transfer in progress and
 * any new ones are dropped, and the outstanding bursts' beats are accepted and discarded, so the bus always
 * drains ({@link #busy} falls). {@code clear} re-arms it.
 */
public final class AxiReadMaster extends Module {
    /** What the master remembers per outstanding burst. */
    public static final class InFlight extends Bundle {
        public final UInt addr;
        public final Bool last = Bool();
        private final int aw;

        InFlight(int addressWidth) {
            this.aw = addressWidth;
            addr = UInt(addressWidth);
        }

        @Override
        public InFlight cloneType() {
            return new InFlight(aw);
        }
    }

    public final Stream<TransferCmd> cmd;
    public final Stream<ReadBeat> data;
    public final Axi4ReadOnly axi;
    public final AxiError error;
    public final Bool clear = in(Bool());
    /**
     * While high: stop as after an error, without recording one (no new bursts, transfers dropped, outstanding
     * beats and buffered data discarded); {@link #busy} falls once the bus has drained.
     */
    public final Bool abort = in(Bool());
    /** A transfer is being cut, a burst is in flight, or beats are buffered. */
    public final Bool busy = out(Bool());
    /** An R beat was accepted this cycle (bytes read = beats x bytes per beat). */
    public final Bool beat = out(Bool());
    /** Bursts are outstanding and no R beat arrives this cycle: waiting for DDR. */
    public final Bool waiting = out(Bool());

    public AxiReadMaster(Axi4Config cfg, int maxOutstanding, int lengthWidth, int bufferDepth) {
        this(cfg, maxOutstanding, lengthWidth, bufferDepth, org.edgemoe.hdl.lib.axi.Axi4.MAX_BURST_BEATS);
    }

    /** With bursts of at most {@code maxBurstBeats} beats (a background reader's short bursts). */
    public AxiReadMaster(Axi4Config cfg, int maxOutstanding, int lengthWidth, int bufferDepth, int maxBurstBeats) {
        if (maxOutstanding < 2 || maxOutstanding > 64) {
            throw new IllegalArgumentException("outstanding reads must be 2..64, was " + maxOutstanding);
        }
        int aw = cfg.addressWidth();
        param("ADDR_WIDTH", aw);
        param("DATA_WIDTH", cfg.dataWidth());
        param("OUTSTANDING", maxOutstanding);
        param("LEN_WIDTH", lengthWidth);
        cmd = slave(new Stream<>(new TransferCmd(aw, lengthWidth)));
        data = master(new Stream<>(new ReadBeat(cfg.dataWidth())));
        axi = master(new Axi4ReadOnly(cfg));
        error = out(new AxiError(aw));

        BurstSplitter split = instance(new BurstSplitter(aw, lengthWidth, cfg.bytesPerBeat(), maxBurstBeats));
        StreamFifo<InFlight> inFlight = instance(new StreamFifo<>(new InFlight(aw), maxOutstanding));
        StreamFifo<ReadBeat> buffer = instance(new StreamFifo<>(new ReadBeat(cfg.dataWidth()), bufferDepth));
        Bool failed = reg(Bool()).init(false);
        UInt failResp = reg(UInt(2)).init(0);
        UInt failAddr = reg(UInt(aw)).init(0);

        split.cmd.driveFrom(cmd);
        Bool dropping = failed.or(abort).named("dropping");
        split.abort.set(dropping);

        // AR: one burst per entry of the in-flight queue (only AR pushes it, so its ready never falls while offered)
        axi.ar.payload.driveIncrDefaults();
        axi.ar.payload.addr.set(split.burst.payload.addr);
        axi.ar.payload.len.set(split.burst.payload.len);
        axi.ar.valid.set(split.burst.valid.and(inFlight.push.ready));
        split.burst.ready.set(axi.ar.ready.and(inFlight.push.ready));
        inFlight.push.valid.set(axi.ar.fire());
        inFlight.push.payload.addr.set(split.burst.payload.addr);
        inFlight.push.payload.last.set(split.burst.payload.last);

        // R: good beats into the buffer; after an error every beat is taken and dropped
        Bool bad = axi.r.payload.resp.bit(1);
        buffer.push.valid.set(axi.r.valid.and(dropping.not()).and(bad.not()));
        buffer.push.payload.data.set(axi.r.payload.data);
        buffer.push.payload.last.set(axi.r.payload.last.and(inFlight.pop.payload.last));
        axi.r.ready.set(buffer.push.ready.or(dropping));
        inFlight.pop.ready.set(axi.r.fire().and(axi.r.payload.last));
        when(axi.r.fire().and(bad).and(failed.not()), () -> {
            failed.set(true);
            failResp.set(axi.r.payload.resp);
            failAddr.set(inFlight.pop.payload.addr);
        });
        when(clear, () -> failed.set(false));
        data.valid.set(buffer.pop.valid.and(abort.not()));
        data.payload.set(buffer.pop.payload);
        buffer.pop.ready.set(data.ready.or(abort));

        error.valid.set(failed);
        error.resp.set(failResp);
        error.addr.set(failAddr);
        busy.set(split.busy.or(inFlight.occupancy.ne(0)).or(buffer.occupancy.ne(0)));
        beat.set(axi.r.fire());
        waiting.set(inFlight.occupancy.ne(0).and(axi.r.valid.not()));
    }

    /** Default: 8 outstanding bursts, 32-bit lengths, a 16-beat buffer. */
    public AxiReadMaster(Axi4Config cfg) {
        this(cfg, 8, 32, 16);
    }

    public AxiReadMaster() {
        this(defaultConfig());
    }

    /** 32-bit addresses (the ZCU102's low 2 GB of DDR), 128-bit data (S_AXI_HP), 4-bit ids. */
    public static Axi4Config defaultConfig() {
        return Axi4Config.of(32, 128, 4);
    }

}
