package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.axi.Axi4;

/**
 * Cuts transfers into AXI4 INCR bursts: at most 256 beats (or {@code maxBurstBeats}), never across a 4 KB boundary
 * (each burst ends at the transfer's end, the page's end or after that many beats, whichever comes first). One burst every second cycle at
 * most (the burst register is loaded, then handed over); the next transfer is taken while the last burst of the
 * current one waits. {@code abort} stops cutting: the transfer in progress is abandoned, new ones are accepted
 * and dropped, and a burst already offered stays offered until taken (AXI: VALID never falls before READY).
 */
public final class BurstSplitter extends Module {
    public final Stream<TransferCmd> cmd;
    public final Stream<Burst> burst;
    public final Bool abort = in(Bool());
    /** A transfer is being cut or a burst is offered. */
    public final Bool busy = out(Bool());

    public BurstSplitter(int addressWidth, int lengthWidth, int bytesPerBeat) {
        this(addressWidth, lengthWidth, bytesPerBeat, Axi4.MAX_BURST_BEATS);
    }

    /** Bursts of at most {@code maxBurstBeats} (1..256) beats. */
    public BurstSplitter(int addressWidth, int lengthWidth, int bytesPerBeat, int maxBurstBeats) {
        if (maxBurstBeats < 1 || maxBurstBeats > Axi4.MAX_BURST_BEATS) {
            throw new IllegalArgumentException("bursts must be 1..256 beats, was " + maxBurstBeats);
        }
        if (Integer.bitCount(bytesPerBeat) != 1 || bytesPerBeat > 128) {
            throw new IllegalArgumentException("bytes per beat must be a power of two up to 128 (1024-bit AXI4), was " + bytesPerBeat);
        }
        if (lengthWidth < 12 || lengthWidth > 40) {
            throw new IllegalArgumentException("transfer length width must be 12..40 bits, was " + lengthWidth);
        }
        int s = Integer.numberOfTrailingZeros(bytesPerBeat);
        int lanes = Math.max(1, s);
        param("ADDR_WIDTH", addressWidth);
        param("LEN_WIDTH", lengthWidth);
        param("BEAT_BYTES", bytesPerBeat);
        cmd = slave(new Stream<>(new TransferCmd(addressWidth, lengthWidth)));
        burst = master(new Stream<>(new Burst(addressWidth, lanes)));

        int pageBeats = Axi4.BOUNDARY_BYTES / bytesPerBeat;     // beats in a 4 KB page
        int maxBeats = Math.min(maxBurstBeats, pageBeats);
        if (maxBurstBeats != Axi4.MAX_BURST_BEATS) {
            param("MAX_BURST", maxBurstBeats);
        }
        int bw = lengthWidth + 1;                               // beats of one transfer
        int pw = log2Up(pageBeats + 1);

        Bool active = reg(Bool()).init(false);
        UInt addr = reg(UInt(addressWidth)).init(0);            // next burst's bus-aligned address
        UInt beatsLeft = reg(UInt(bw)).init(0);
        Bool firstLeft = reg(Bool()).init(false);
        UInt startLane = reg(UInt(lanes)).init(0);
        UInt endLane = reg(UInt(lanes)).init(0);
        Bool outValid = reg(Bool()).init(false);
        Burst out = reg(new Burst(addressWidth, lanes));

        // beats touched by the new transfer: ((addr mod B) + bytes - 1) / B + 1
        UInt lane0 = s == 0 ? U(0, lanes) : cmd.payload.addr.slice(s - 1, 0).resize(lanes);
        UInt span = lane0.resize(bw).plus(cmd.payload.bytes.resize(bw)).minus(1);
        UInt beats = span.shr(s).resize(bw).plus(1);
        UInt lastLane = s == 0 ? U(0, lanes) : span.slice(s - 1, 0).resize(lanes);
        UInt aligned = s == 0 ? cmd.payload.addr : cmd.payload.addr.shr(s).shl(s).resize(addressWidth);

        cmd.ready.set(active.not().or(abort));
        when(cmd.fire().and(abort.not()).and(cmd.payload.bytes.ne(0)), () -> {
            active.set(true);
            addr.set(aligned);
            beatsLeft.set(beats);
            firstLeft.set(true);
            startLane.set(lane0);
            endLane.set(lastLane);
        });

        // room to the page end, in beats; the burst is the smallest of that, 256 and what is left
        UInt pageOffset = addr.slice(11, s).resize(pw);
        UInt room = U(pageBeats, pw).minus(pageOffset);
        UInt limit = mux(room.gt(maxBeats), U(maxBeats, pw), room).resize(bw);
        UInt n = mux(beatsLeft.lt(limit), beatsLeft, limit).named("burstBeats");

        when(burst.fire(), () -> outValid.set(false));
        when(active.and(outValid.not()).and(abort.not()), () -> {
            outValid.set(true);
            out.addr.set(addr);
            out.len.set(n.minus(1).resize(8));
            out.first.set(firstLeft);
            out.last.set(beatsLeft.eq(n));
            out.startLane.set(startLane);
            out.endLane.set(endLane);
            firstLeft.set(false);
            addr.set(addr.plus(n.resize(addressWidth).shl(s).resize(addressWidth)));
            beatsLeft.set(beatsLeft.minus(n));
            when(beatsLeft.eq(n), () -> active.set(false));
        });
        when(abort, () -> active.set(false));

        burst.valid.set(outValid);
        burst.payload.set(out);
        busy.set(active.or(outValid));
    }
}
