package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Stream;

/**
 * The router's per-expert token queues: one memory, expert-major, of {@link QueueEntry} words, and a length per
 * expert. {@code emit} (after {@code emitStart}) appends the token to the queues of its k experts, one rank per
 * cycle ({@code appended} once the last is under way; a full queue drops the entry). After the layer,
 * {@code drainStart} then {@code draining} send every non-empty queue in expert order on {@code drain}: a header
 * beat, then its entries, through an output register whose entry data is the memory's registered read (held while
 * {@code drain} stalls); {@code drainDone} with the last beat's transfer. {@code clear} empties every queue.
 * {@code nonEmpty}: bit e set while expert e's queue is not empty.
 */
public final class ExpertQueues extends Module {
    public final Bool emitStart = in(Bool());
    public final Bool emit = in(Bool());
    public final Vec<UInt> experts;
    public final Vec<UInt> scores;
    public final UInt token;
    public final Bool appended = out(Bool());
    public final Bool drainStart = in(Bool());
    public final Bool draining = in(Bool());
    public final Bool clear = in(Bool());
    public final Stream<DrainBeat> drain;
    public final Bool drainDone = out(Bool());
    public final Bits nonEmpty;
    private final Mem<Bits> queues;

    public ExpertQueues(RouterConfig cfg) {
        int n = cfg.experts();
        int topK = cfg.topK();
        int eb = cfg.expertBits();
        int qb = cfg.tokenBits();
        int cb = cfg.countBits();
        int rw = cfg.rankCountBits();
        FixFormat prob = cfg.formats().prob();
        param("EXPERTS", n);
        param("TOPK", topK);
        param("QUEUE_DEPTH", cfg.queueDepth());
        experts = in(Vec(topK, UInt(eb)));
        scores = in(Vec(topK, UInt(cfg.p() + 1)));
        token = in(UInt(qb));
        drain = master(new Stream<>(new DrainBeat(cfg)));
        nonEmpty = out(Bits(n));

        QueueEntry entryType = new QueueEntry(cfg);
        queues = mem(Bits(entryType.bitWidth()), (1 << eb) << qb);
        Mem<Bits> qmem = queues;
        Vec<UInt> counts = reg(Vec(n, UInt(cb))).named("counts");
        List<Bool> maskBits = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            counts.get(e).init(0);
            maskBits.add(counts.get(e).ne(0));
        }
        Bits mask = wire(Bits(n)).named("mask");
        mask.set(catBools(maskBits));
        nonEmpty.set(mask);

        // appends: one per cycle, rank order
        UInt wr = reg(UInt(rw)).init(0).named("wr");
        UInt wrRank = wr.resize(cfg.rankBits());
        UInt wrExpert = experts.read(wrRank).named("wrExpert");
        UInt wrCount = counts.read(wrExpert).named("wrCount");
        Bool writing = emit.and(wr.lt(topK)).named("writing");
        Bool room = wrCount.lt(U(cfg.queueDepth(), cb));
        QueueEntry entry = wire(new QueueEntry(cfg)).named("wrEntry");
        entry.token.set(token);
        entry.score.set(Fix.fromRaw(prob, scores.read(wrRank).resize(prob.width())));
        when(writing.and(room), () -> {
            qmem.write(cat(wrExpert, wrCount.resize(qb)).asUInt(), entry.toBits());
            counts.write(wrExpert, wrCount.plus(1));
        });
        when(writing, () -> wr.set(wr.plus(1)));
        when(emitStart, () -> wr.set(U(0, rw)));
        appended.set(topK == 1 ? B(true) : wr.ge(topK - 1));

        // drain: generator (dE, dI, dHdr, dActive) feeding the output register
        UInt dE = reg(UInt(eb)).init(0).named("dExpert");
        UInt dI = reg(UInt(qb)).init(0).named("dIndex");
        Bool dHdr = reg(Bool()).init(false).named("dHeader");
        Bool dActive = reg(Bool()).init(false).named("dActive");
        Bool oValid = reg(Bool()).init(false).named("oValid");
        Bool oHdr = reg(Bool()).init(false).named("oHeader");
        UInt oE = reg(UInt(eb)).init(0).named("oExpert");
        UInt oCnt = reg(UInt(cb)).init(0).named("oCount");
        Bool oLast = reg(Bool()).init(false).named("oLast");
        Bool advance = oValid.not().or(drain.ready).named("dAdvance");
        UInt cntE = counts.read(dE).named("dCount");
        // next non-empty expert above dE, and the first non-empty one
        Bool hasNextAcc = B(false);
        UInt nextAcc = U(0, eb);
        UInt firstAcc = U(0, eb);
        for (int i = n - 1; i >= 0; i--) {
            if (i > 0) { // expert 0 is never above dE (a constant compare would trip lint UNSIGNED)
                Bool c = mask.bit(i).and(U(i, eb).gt(dE));
                nextAcc = mux(c, U(i, eb), nextAcc);
                hasNextAcc = hasNextAcc.or(c);
            }
            firstAcc = mux(mask.bit(i), U(i, eb), firstAcc);
        }
        Bool hasNext = hasNextAcc.named("dHasNext");
        UInt nextE = nextAcc.named("dNext");
        UInt firstE = firstAcc.named("dFirst");
        Bool lastOfExpert = dI.resize(cb).plus(1).eq(cntE);
        Bool readEn = draining.and(advance).and(dActive).and(dHdr.not()).named("qRead");
        QueueEntry head = wire(new QueueEntry(cfg)).named("qword");
        head.setFromBits(qmem.readSync(cat(dE, dI).asUInt(), readEn));
        when(draining.and(advance), () -> {
            oValid.set(dActive);
            oHdr.set(dHdr);
            oE.set(dE);
            oCnt.set(cntE);
            oLast.set(dHdr.not().and(lastOfExpert).and(hasNext.not()));
            when(dActive, () -> {
                when(dHdr, () -> {
                    dHdr.set(B(false));
                    dI.set(U(0, qb));
                }).elsewhen(lastOfExpert, () -> {
                    when(hasNext, () -> {
                        dE.set(nextE);
                        dHdr.set(B(true));
                    }).otherwise(() -> dActive.set(B(false)));
                }).otherwise(() -> dI.set(dI.plus(1)));
            });
        });
        when(drainStart, () -> {
            dE.set(firstE);
            dI.set(U(0, qb));
            dHdr.set(B(true));
            dActive.set(B(true));
        });
        when(clear, () -> {
            for (int e = 0; e < n; e++) {
                counts.get(e).set(U(0, cb));
            }
        });
        drain.valid.set(oValid);
        drain.payload.score.set(mux(oHdr, fix(0, prob), head.score));
        drain.payload.token.set(mux(oHdr, U(0, qb), head.token));
        drain.payload.expert.set(oE);
        drain.payload.count.set(mux(oHdr, oCnt, U(0, cb)));
        drain.payload.header.set(oHdr);
        drain.payload.last.set(oLast);
        drainDone.set(draining.and(oValid).and(oLast).and(drain.ready));
    }

    private static Bits catBools(List<Bool> bits) {
        Bool[] msbFirst = new Bool[bits.size()];
        for (int i = 0; i < msbFirst.length; i++) {
            msbFirst[i] = bits.get(bits.size() - 1 - i);
        }
        return cat(msbFirst);
    }
}
