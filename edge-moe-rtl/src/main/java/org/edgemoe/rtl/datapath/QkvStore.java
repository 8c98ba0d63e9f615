package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.rtl.attention.AttnBeat;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.attention.AttnReadReq;
import org.edgemoe.rtl.buffer.ActBuffer;

/**
 * Q, K and V of a layer between the compute unit and the attention engine. Written as the QKV linear's y
 * beats ({@code lanes} values) at address {@code region << (tw + ow) | token << ow | tile} (region 0 Q, 1 K,
 * 2 V; tile = output tile within the region, so the QKV layer runs as three linear ops of D outputs each,
 * {@code yBase = region << (tw + ow)}, {@code yStride = 2^ow}); read as the attention engine's beats of L
 * values: a row holds one beat, split over {@code L / lanes} banks written one y beat at a time and read
 * together. Q, K and V are three memories with a read port each, so every request stream is answered on its
 * own (the engine decides which answers it takes when; a shared port could hold an answer it is not yet
 * taking).
 */
public final class QkvStore extends Module {
    public final Flow<ActBuffer.WriteBeat> write;
    public final Stream<AttnReadReq> qReq;
    public final Stream<AttnReadReq> kReq;
    public final Stream<AttnReadReq> vReq;
    public final Stream<AttnBeat> qResp;
    public final Stream<AttnBeat> kResp;
    public final Stream<AttnBeat> vResp;

    private final AttnConfig a;
    private final int banks;
    private final int bankBits;
    private final int partBits;
    private final int headBits;
    private final int tw;

    public QkvStore(int lanes, int addrWidth, AttnConfig a) {
        this.a = a;
        if (a.beat() % lanes != 0 || Integer.bitCount(a.beat() / lanes) != 1 || Integer.bitCount(a.parts()) != 1) {
            throw new IllegalArgumentException("attention beat " + a.beat() + " must be a power-of-two multiple of " + lanes
                    + " lanes, and head dim / beat a power of two");
        }
        banks = a.beat() / lanes;
        bankBits = Integer.numberOfTrailingZeros(banks);
        partBits = Integer.numberOfTrailingZeros(a.parts());
        headBits = log2Up(a.heads());
        tw = a.tokenWidth();
        int ow = tileBits(lanes, a);
        if (addrWidth < 2 + tw + ow) {
            throw new IllegalArgumentException("address width " + addrWidth + " too small for the QKV layout (" + (2 + tw + ow) + ")");
        }
        param("LANES", lanes);
        param("BEAT", a.beat());
        write = slave(new Flow<>(new ActBuffer.WriteBeat(addrWidth, lanes, a.act())));
        qReq = slave(new Stream<>(new AttnReadReq(a)));
        kReq = slave(new Stream<>(new AttnReadReq(a)));
        vReq = slave(new Stream<>(new AttnReadReq(a)));
        qResp = master(new Stream<>(new AttnBeat(a)));
        kResp = master(new Stream<>(new AttnBeat(a)));
        vResp = master(new Stream<>(new AttnBeat(a)));

        int rowBits = tw + headBits + partBits;
        int w = lanes * a.act().width();
        Mem<Bits>[] q = memories(banks, w, 1 << rowBits);
        Mem<Bits>[] k = memories(banks, w, 1 << rowBits);
        Mem<Bits>[] v = memories(banks, w, 1 << rowBits);
        UInt region = write.payload.addr.slice(tw + ow + 1, tw + ow).named("wRegion");
        UInt token = write.payload.addr.slice(tw + ow - 1, ow).named("wToken");
        UInt tile = write.payload.addr.slice(ow - 1, 0).named("wTile");
        UInt bank = bankBits == 0 ? U(0, 1) : tile.slice(bankBits - 1, 0);
        UInt row = cat(token, tile.slice(ow - 1, bankBits).resize(headBits + partBits)).asUInt().named("wRow");
        for (int b = 0; b < banks; b++) {
            Bool here = write.valid.and(bank.eq(b));
            for (int r = 0; r < 3; r++) {
                Mem<Bits> m = (r == 0 ? q : r == 1 ? k : v)[b];
                when(here.and(region.eq(r)), () -> m.write(row, write.payload.lanes.toBits()));
            }
        }
        readPort(q, qReq, qResp);
        readPort(k, kReq, kResp);
        readPort(v, vReq, vResp);
    }

    /** Bits of the output-tile field of the write address: enough for one region's D / lanes tiles. */
    public static int tileBits(int lanes, AttnConfig a) {
        return log2Up(a.heads() * a.headDim() / lanes);
    }

    @SuppressWarnings("unchecked")
    private static Mem<Bits>[] memories(int n, int width, int depth) {
        Mem<Bits>[] m = new Mem[n];
        for (int i = 0; i < n; i++) {
            m[i] = mem(Bits(width), depth);
        }
        return m;
    }

    private UInt rowOf(AttnReadReq r) {
        Bits part = partBits == 0 ? null : r.part.asBits();
        Bits head = r.head.resize(headBits).asBits();
        Bits t = r.token.resize(tw).asBits();
        return (part == null ? cat(t, head) : cat(t, head, part)).asUInt();
    }

    /** One read port: the answer is held in the memories' output registers until taken (an address is taken only as it drains). */
    private void readPort(Mem<Bits>[] m, Stream<AttnReadReq> req, Stream<AttnBeat> resp) {
        Bool full = reg(Bool()).init(false);
        Bool drains = full.not().or(resp.ready);
        Bool take = drains.and(req.valid);
        Bits[] parts = new Bits[m.length];
        for (int b = 0; b < m.length; b++) {
            parts[m.length - 1 - b] = m[b].readSync(rowOf(req.payload), take);
        }
        req.ready.set(drains);
        when(take, () -> full.set(true)).elsewhen(drains, () -> full.set(false));
        resp.valid.set(full);
        resp.payload.data.setFromBits(cat(parts));
    }
}
