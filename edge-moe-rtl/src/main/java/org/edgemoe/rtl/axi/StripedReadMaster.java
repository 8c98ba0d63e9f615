package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.hdl.lib.axi.Axi4ReadOnly;

/**
 * An AXI4 read master over {@code ports} AXI4 read ports ({@code axi_0 .. axi_<ports-1>}), with the interface of
 * {@link AxiReadMaster}: transfers in, in-order beats out with {@code last} on each transfer's final beat. A
 * {@link PieceCutter} cuts each transfer at 4 KB boundaries into pieces dealt round-robin to one
 * {@link AxiReadMaster} per port (the position carries over from transfer to transfer); an order queue of
 * {@link PieceTag}s (port, last piece of its transfer) merges the ports' beats back in transfer order.
 *
 * <p>The output bus is {@code dataWidth} bits, a power-of-two multiple of the ports' width (by default the
 * smallest one that carries {@code ports} port beats a cycle), so the consumer can take what every port reads at
 * once. Its beats are the ones an {@link AxiReadMaster} with a {@code dataWidth}-bit bus would give: the byte at
 * address A is lane A mod (dataWidth / 8) of its beat; the port beats inside a wide beat that the transfer does not
 * touch read zero. With the ports' width (and so with one port) the beat stream is exactly AxiReadMaster's. Each
 * port's beats are packed ({@link BeatPacker}) into a FIFO of {@code bufferDepth} output beats, where a port whose
 * piece is not yet at the head of the order waits; one 4 KB piece per port keeps every port streaming.
 *
 * <p>Errors: the first SLVERR / DECERR on any port sets {@link #error} (sticky, with that burst's address; the
 * lowest port wins a tie) and every port stops as an {@link AxiReadMaster} does: no new bursts, transfers dropped,
 * outstanding beats accepted and discarded, buffered beats dropped; {@link #busy} falls when every port has
 * drained. Nothing after the failing piece is ever delivered (the merge is in order). {@code abort} does the same
 * without recording an error; hold it (and only {@code clear} an error) until {@code busy} has fallen.
 */
public final class StripedReadMaster extends Module {
    public final Stream<TransferCmd> cmd;
    public final Stream<ReadBeat> data;
    /** The read ports: {@code io_axi_<p>_arvalid} ... {@code io_axi_<p>_rready}. */
    public final Vec<Axi4ReadOnly> axi;
    public final AxiError error;
    public final Bool clear = in(Bool());
    /** While high: stop as after an error, without recording one; {@link #busy} falls once every port has drained. */
    public final Bool abort = in(Bool());
    /** A transfer is being cut, a burst is in flight on some port, or beats are buffered. */
    public final Bool busy = out(Bool());
    /** R beats accepted this cycle, over all ports (bytes read = beats x port bytes per beat). */
    public final UInt beat;
    /** Some port has bursts outstanding and no port is offered an R beat this cycle: waiting for DDR. */
    public final Bool waiting = out(Bool());

    private final List<AxiReadMaster> reader = new ArrayList<>();
    private final List<StreamFifo<ReadBeat>> buffer = new ArrayList<>();
    private final List<StreamFifo<UInt>> startSlot = new ArrayList<>();
    private final List<BeatPacker> packer = new ArrayList<>();
    private final int ports;

    /**
     * @param ports                 AXI4 read ports, 1..16
     * @param maxOutstandingPerPort bursts in flight per port (2..64)
     * @param lengthWidth           bits of a transfer's byte count (12..40)
     * @param bufferDepth           output beats buffered per port (>= 2)
     * @param dataWidth             output bus width: the ports' width times a power of two, at most 4 KB
     */
    public StripedReadMaster(Axi4Config cfg, int ports, int maxOutstandingPerPort, int lengthWidth, int bufferDepth,
                             int dataWidth) {
        this(cfg, ports, maxOutstandingPerPort, lengthWidth, bufferDepth, dataWidth, org.edgemoe.hdl.lib.axi.Axi4.MAX_BURST_BEATS);
    }

    /** With bursts of at most {@code maxBurstBeats} beats on every port. */
    public StripedReadMaster(Axi4Config cfg, int ports, int maxOutstandingPerPort, int lengthWidth, int bufferDepth,
                             int dataWidth, int maxBurstBeats) {
        if (ports < 1 || ports > 16) {
            throw new IllegalArgumentException("striped read master: ports must be 1..16, was " + ports);
        }
        int ratio = dataWidth / cfg.dataWidth();
        if (dataWidth % cfg.dataWidth() != 0 || Integer.bitCount(ratio) != 1 || dataWidth / 8 > 4096) {
            throw new IllegalArgumentException("striped read master: output width " + dataWidth + " must be the ports' "
                    + cfg.dataWidth() + " bits times a power of two, at most 4 KB");
        }
        if (bufferDepth < 2) {
            throw new IllegalArgumentException("striped read master: buffer depth must be >= 2 beats per port, was " + bufferDepth);
        }
        this.ports = ports;
        int aw = cfg.addressWidth();
        int pw = Math.max(1, log2Up(ports));
        param("ADDR_WIDTH", aw);
        param("PORT_WIDTH", cfg.dataWidth());
        param("DATA_WIDTH", dataWidth);
        param("PORTS", ports);
        param("OUTSTANDING", maxOutstandingPerPort);
        param("LEN_WIDTH", lengthWidth);
        param("BUFFER", bufferDepth);
        cmd = slave(new Stream<>(new TransferCmd(aw, lengthWidth)));
        data = master(new Stream<>(new ReadBeat(dataWidth)));
        axi = master(Vec(ports, new Axi4ReadOnly(cfg)));
        error = out(new AxiError(aw));
        beat = out(UInt(log2Up(ports + 1)));

        PieceCutter cut = instance(new PieceCutter(aw, lengthWidth, ports));
        StreamFifo<PieceTag> order = instance(new StreamFifo<>(new PieceTag(pw), ports * (maxOutstandingPerPort + 2)));
        Bool dropping = wire(Bool()).named("dropping");
        int sw = Math.max(1, log2Up(ratio));
        for (int p = 0; p < ports; p++) {
            AxiReadMaster m = instance(new AxiReadMaster(cfg, maxOutstandingPerPort, StripePiece.BYTES_WIDTH, 2, maxBurstBeats));
            StreamFifo<ReadBeat> b = instance(new StreamFifo<>(new ReadBeat(dataWidth), bufferDepth));
            m.abort.set(dropping);
            m.clear.set(clear);
            axi.get(p).ar.driveFrom(m.axi.ar);
            m.axi.r.driveFrom(axi.get(p).r);
            if (ratio == 1) {
                b.push.driveFrom(m.data);
            } else {
                BeatPacker k = instance(new BeatPacker(cfg.dataWidth(), ratio));
                StreamFifo<UInt> s = instance(new StreamFifo<>(UInt(sw), maxOutstandingPerPort + 2));
                k.narrow.driveFrom(m.data);
                k.start.driveFrom(s.pop);
                k.flush.set(dropping);
                b.push.driveFrom(k.wide);
                packer.add(k);
                startSlot.add(s);
            }
            reader.add(m);
            buffer.add(b);
        }
        cut.cmd.driveFrom(cmd);
        cut.abort.set(dropping);
        dispatch(cut.piece, order, dropping, cfg.beatSizeLog2(), sw, ratio);
        merge(order, dropping);
        dropping.set(errors(aw).or(abort));

        Bool any = cut.busy.or(order.occupancy.ne(0));
        Bool offered = B(false);
        Bool outstanding = B(false);
        UInt beats = U(0, beat.width());
        for (int p = 0; p < ports; p++) {
            AxiReadMaster m = reader.get(p);
            any = any.or(m.busy).or(buffer.get(p).occupancy.ne(0));
            if (ratio > 1) {
                any = any.or(startSlot.get(p).occupancy.ne(0));
            }
            offered = offered.or(axi.get(p).r.valid);
            outstanding = outstanding.or(m.waiting);
            beats = beats.plus(mux(m.beat, U(1, beat.width()), U(0, beat.width())));
        }
        busy.set(any);
        beat.set(beats);
        waiting.set(outstanding.and(offered.not()));
    }

    /** {@code dataWidth} = the ports' width times the smallest power of two >= {@code ports}. */
    public StripedReadMaster(Axi4Config cfg, int ports, int maxOutstandingPerPort, int lengthWidth, int bufferDepth) {
        this(cfg, ports, maxOutstandingPerPort, lengthWidth, bufferDepth, defaultWidth(cfg, ports));
    }

    /** 8 bursts in flight per port, 32-bit lengths, one 4 KB piece of buffer per port. */
    public StripedReadMaster(Axi4Config cfg, int ports) {
        this(cfg, ports, 8, 32, 4096 * 8 / defaultWidth(cfg, ports), defaultWidth(cfg, ports));
    }

    /** The default output width: the ports' width times the smallest power of two >= {@code ports}. */
    public static int defaultWidth(Axi4Config cfg, int ports) {
        return cfg.dataWidth() * Integer.highestOneBit(Math.max(1, 2 * ports - 1));
    }

    /** Each piece to its port's reader (and its start slot to the port's packer), its tag into the order queue. */
    private void dispatch(Stream<StripePiece> piece, StreamFifo<PieceTag> order, Bool dropping, int beatLog2, int sw,
                          int ratio) {
        StripePiece pc = piece.payload;
        Bool accept = B(false);
        for (int p = 0; p < ports; p++) {
            AxiReadMaster m = reader.get(p);
            Bool sel = pc.port.eq(p);
            Bool room = ratio > 1 ? startSlot.get(p).push.ready : B(true);
            m.cmd.valid.set(piece.valid.and(sel).and(order.push.ready).and(room).and(dropping.not()));
            m.cmd.payload.addr.set(pc.addr);
            m.cmd.payload.bytes.set(pc.bytes);
            if (ratio > 1) {
                StreamFifo<UInt> s = startSlot.get(p);
                s.push.valid.set(piece.valid.and(sel).and(order.push.ready).and(m.cmd.ready).and(dropping.not()));
                s.push.payload.set(pc.addr.slice(beatLog2 + sw - 1, beatLog2));
            }
            accept = accept.or(sel.and(m.cmd.ready).and(room));
        }
        piece.ready.set(accept.and(order.push.ready).and(dropping.not()));
        order.push.valid.set(piece.fire());
        order.push.payload.port.set(pc.port);
        order.push.payload.last.set(pc.last);
    }

    /** The output: beats of the port at the head of the order queue, until that piece's last beat. */
    private void merge(StreamFifo<PieceTag> order, Bool dropping) {
        PieceTag head = order.pop.payload;
        Bool valid = B(false);
        ReadBeat word = buffer.get(0).pop.payload;
        for (int p = 0; p < ports; p++) {
            Stream<ReadBeat> w = buffer.get(p).pop;
            Bool sel = head.port.eq(p);
            valid = valid.or(sel.and(w.valid));
            if (p > 0) {
                word = mux(sel, w.payload, word);
            }
            w.ready.set(dropping.or(order.pop.valid.and(sel).and(data.ready)));
        }
        data.valid.set(order.pop.valid.and(valid).and(dropping.not()));
        data.payload.data.set(word.data);
        data.payload.last.set(word.last.and(head.last));
        order.pop.ready.set(dropping.or(data.fire().and(word.last)));
    }

    /** The sticky first error of any port (the lowest port on a tie); returns "an error is or has been seen". */
    private Bool errors(int aw) {
        Bool failed = reg(Bool()).init(false).named("failed");
        UInt failResp = reg(UInt(2)).init(0).named("failResp");
        UInt failAddr = reg(UInt(aw)).init(0).named("failAddr");
        Bool any = B(false);
        UInt resp = U(0, 2);
        UInt addr = U(0, aw);
        for (int p = ports - 1; p >= 0; p--) {
            AxiError e = reader.get(p).error;
            any = any.or(e.valid);
            resp = mux(e.valid, e.resp, resp);
            addr = mux(e.valid, e.addr, addr);
        }
        Bool seen = any.named("portError");
        UInt r = resp;
        UInt a = addr;
        when(seen.and(failed.not()), () -> {
            failed.set(true);
            failResp.set(r);
            failAddr.set(a);
        });
        when(clear, () -> failed.set(false));
        error.valid.set(failed);
        error.resp.set(failResp);
        error.addr.set(failAddr);
        return failed.or(seen);
    }
}
