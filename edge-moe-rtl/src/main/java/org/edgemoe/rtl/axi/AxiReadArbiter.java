package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamArbiter;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.hdl.lib.StreamRamFifo;
import org.edgemoe.hdl.lib.axi.Axi4;
import org.edgemoe.hdl.lib.axi.Axi4Ax;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.hdl.lib.axi.Axi4R;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;

/**
 * {@code inputs} AXI4 read subordinate ports ({@code inputs_0 .. inputs_<K-1>}, e.g. the program fetch and the image
 * reads) onto one AXI4 read master ({@code output}, one DDR port). Whole bursts are granted round-robin (one AR
 * each, {@link StreamArbiter}); every granted burst enters a grant-order queue (input, ARID) and goes out with ARID
 * 0, so the subordinate answers in order; its R beats go back to the input at the queue's head with that input's
 * ARID, the queue popping on RLAST. Up to {@code maxOutstanding} bursts are in flight.
 *
 * <p>No requester can block another: each input has an R buffer (block RAM) of {@code bufferDepth} beats (at least one
 * largest burst, {@code min(256, 4096 / bytesPerBeat)} beats) and a burst is granted only when its beats fit in the
 * part of that buffer not yet reserved by the input's earlier bursts. The shared R channel therefore never waits
 * on a requester (RREADY stays high while bursts are outstanding): a requester that stalls or stops reading R only
 * holds back its own next bursts, never the other inputs', and nothing can deadlock through the arbiter. The
 * reservation also bounds a requester's bursts in flight to what its buffer holds: with one largest burst a lone
 * requester waits a read latency after each burst; two (the default) let it stream.
 */
public final class AxiReadArbiter extends Module {
    public final Vec<Axi4ReadOnly> inputs;
    public final Axi4ReadOnly output;

    private final List<StreamRamFifo<Axi4R>> rBuffer = new ArrayList<>();
    private final List<UInt> free = new ArrayList<>();

    public AxiReadArbiter(Axi4Config cfg, int inputs, int maxOutstanding, int bufferDepth) {
        this(cfg, inputs, maxOutstanding, bufferDepth, StreamArbiter.Policy.ROUND_ROBIN, -1);
    }

    /**
     * With {@code policy} {@link StreamArbiter.Policy#LOWEST_INDEX_FIRST} input 0 is granted whenever it has a burst
     * that fits its buffer, the others in its gaps; with {@code backgroundBursts} >= 0 the others are background
     * readers: while input 0 is active (a burst in flight, or one waiting that fits its buffer) they are granted only
     * up to that many bursts in flight each (0: none), so input 0 keeps the port's bandwidth whenever it can use it and
     * the others get what it leaves (-1: no such rule).
     */
    public AxiReadArbiter(Axi4Config cfg, int inputs, int maxOutstanding, int bufferDepth, StreamArbiter.Policy policy,
                          int backgroundBursts) {
        if (backgroundBursts >= 0 && policy != StreamArbiter.Policy.LOWEST_INDEX_FIRST) {
            throw new IllegalArgumentException("read arbiter: background inputs need input 0 first (LOWEST_INDEX_FIRST)");
        }
        if (inputs < 1 || inputs > 16) {
            throw new IllegalArgumentException("read arbiter: inputs must be 1..16, was " + inputs);
        }
        if (maxOutstanding < 2 || maxOutstanding > 64) {
            throw new IllegalArgumentException("read arbiter: outstanding bursts must be 2..64, was " + maxOutstanding);
        }
        int maxBurst = maxBurstBeats(cfg);
        if (bufferDepth < maxBurst) {
            throw new IllegalArgumentException("read arbiter: R buffer of " + bufferDepth + " beats per input is below the "
                    + "largest burst (" + maxBurst + " beats of " + cfg.bytesPerBeat() + " B); a requester's burst could never be granted");
        }
        int iw = Math.max(1, log2Up(inputs));
        int cw = log2Up(bufferDepth + 1);
        int lw = Math.max(cw, 9);
        param("INPUTS", inputs);
        param("DATA_WIDTH", cfg.dataWidth());
        param("OUTSTANDING", maxOutstanding);
        param("BUFFER", bufferDepth);
        this.inputs = slave(Vec(inputs, new Axi4ReadOnly(cfg)));
        output = master(new Axi4ReadOnly(cfg));

        StreamArbiter<Axi4Ax> arb = instance(new StreamArbiter<>(new Axi4Ax(cfg), inputs, policy));
        StreamFifo<ReadGrant> order = instance(new StreamFifo<>(new ReadGrant(iw, cfg.idWidth()), maxOutstanding));

        // ---- AR: a burst competes only when its beats fit in its input's unreserved R buffer ----
        int ow = log2Up(maxOutstanding + 1);
        // input 0 is active while it has a burst in flight or one waiting that fits
        boolean background = backgroundBursts >= 0 && inputs > 1;
        UInt firstInFlight = background ? reg(UInt(ow)).init(0).named("inFlight_0") : null;
        Bool firstActive = background ? wire(Bool()).named("firstActive") : null;
        for (int i = 0; i < inputs; i++) {
            Stream<Axi4Ax> ar = this.inputs.get(i).ar;
            UInt credit = reg(UInt(cw)).init(bufferDepth).named("free_" + i);
            Bool fits = credit.resize(lw).gt(ar.payload.len.resize(lw)).named("fits_" + i);
            if (background && i == 0) {
                countInFlight(firstInFlight, 0, arb, order, iw);
                firstActive.set(firstInFlight.ne(0).or(ar.valid.and(fits)));
            } else if (background && backgroundBursts == 0) {
                fits = fits.and(firstActive.not()).named("yields_" + i);
            } else if (background) {
                UInt inFlight = countInFlight(reg(UInt(ow)).init(0).named("inFlight_" + i), i, arb, order, iw);
                fits = fits.and(firstActive.not().or(inFlight.lt(backgroundBursts))).named("yields_" + i);
            }
            arb.inputs.get(i).valid.set(ar.valid.and(fits));
            arb.inputs.get(i).payload.set(ar.payload);
            ar.ready.set(arb.inputs.get(i).ready.and(fits));
            free.add(credit);
        }
        output.ar.valid.set(arb.output.valid.and(order.push.ready));
        output.ar.payload.set(arb.output.payload);
        if (output.ar.payload.id != null) {
            output.ar.payload.id.set(U(0, cfg.idWidth()));
        }
        arb.output.ready.set(output.ar.ready.and(order.push.ready));
        order.push.valid.set(output.ar.fire());
        order.push.payload.input.set(arb.chosen.resize(iw));
        order.push.payload.id.set(arb.output.payload.id != null ? arb.output.payload.id : U(0, 1));

        // ---- R: beats to the head grant's input buffer (always room: reserved at the grant) ----
        ReadGrant head = order.pop.payload;
        Bool room = B(false);
        for (int i = 0; i < inputs; i++) {
            StreamRamFifo<Axi4R> b = instance(new StreamRamFifo<>(new Axi4R(cfg), bufferDepth));
            Bool sel = head.input.eq(i);
            b.push.valid.set(output.r.valid.and(order.pop.valid).and(sel));
            Axi4R beat = b.push.payload;
            beat.data.set(output.r.payload.data);
            beat.resp.set(output.r.payload.resp);
            beat.last.set(output.r.payload.last);
            if (beat.id != null) {
                beat.id.set(head.id.resize(cfg.idWidth()));     // the requester's ARID, not the subordinate's RID (0)
            }
            if (beat.user != null) {
                beat.user.set(output.r.payload.user);
            }
            room = room.or(sel.and(b.push.ready));
            this.inputs.get(i).r.driveFrom(b.pop);
            rBuffer.add(b);
        }
        output.r.ready.set(order.pop.valid.and(room));
        order.pop.ready.set(output.r.fire().and(output.r.payload.last));

        // ---- credits: a grant reserves its beats, each beat the requester takes frees one ----
        for (int i = 0; i < inputs; i++) {
            UInt f = free.get(i);
            Bool granted = output.ar.fire().and(arb.chosen.eq(i));
            UInt taken = mux(granted, output.ar.payload.len.resize(lw).plus(1).resize(cw), U(0, cw));
            UInt back = mux(this.inputs.get(i).r.fire(), U(1, cw), U(0, cw));
            f.set(f.minus(taken).plus(back));
        }
    }

    /** {@code n} counts input {@code i}'s bursts granted and not yet through their RLAST. */
    private UInt countInFlight(UInt n, int i, StreamArbiter<Axi4Ax> arb, StreamFifo<ReadGrant> order, int iw) {
        Bool granted = output.ar.fire().and(arb.chosen.resize(iw).eq(i));
        Bool done = output.r.fire().and(output.r.payload.last).and(order.pop.payload.input.eq(i));
        when(granted.and(done.not()), () -> n.set(n.plus(1)))
                .elsewhen(done.and(granted.not()), () -> n.set(n.minus(1)));
        return n;
    }

    /** 8 bursts in flight, two largest bursts of R buffer per input (so a lone requester streams). */
    public AxiReadArbiter(Axi4Config cfg, int inputs) {
        this(cfg, inputs, 8, 2 * maxBurstBeats(cfg));
    }

    /** The largest INCR burst on {@code cfg}'s bus: 256 beats, fewer when 256 beats would cross 4 KB. */
    public static int maxBurstBeats(Axi4Config cfg) {
        return Math.min(Axi4.MAX_BURST_BEATS, Axi4.BOUNDARY_BYTES / cfg.bytesPerBeat());
    }
}
