package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.hdl.lib.StreamRamFifo;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;

/**
 * The expert-weight buffer: reads an MoE layer's expert blocks ahead, in the expert loop's order, on a read path of
 * its own, into a deep FIFO ({@link StreamRamFifo}, block RAM), so they stream in while compute-bound commands leave
 * the DDR idle. {@code start} arms it with a {@link PrefetchCmd} (PREFETCH, early in the program; or EXPERTS itself,
 * which confirms the blocks and narrows {@code active} to the gate's experts); blocks with a cleared {@code active}
 * bit or no bytes are not read. The expert loop asks for its blocks on {@code req} (through the {@link FetchRouter},
 * in order, a subsequence of the prefetch order): the block at the FIFO's head is delivered on {@code out} when it is
 * the one asked for, dropped when it is not (an expert without tokens, read before the gate had run). A block is
 * issued to the read master whenever one of its {@code DESCRIPTORS} slots is free; a full FIFO only holds back its
 * own read path. {@code release} (the expert loop has asked for its last block, or the program ends) stops the
 * reads once no block asked for can still be ahead; once the asked-for blocks are out, what is left is dropped and
 * the buffer is idle again. EXPERTS with other
 * blocks than the armed ones drops everything read and starts over with its own ({@code DRAIN}).
 */
public final class ExpertPrefetcher extends Module {
    enum State { IDLE, RUN, DRAIN }

    /** Blocks issued and not yet delivered or dropped. */
    public static final int DESCRIPTORS = 16;

    public final Stream<PrefetchCmd> start;
    public final Bool release = in(Bool());
    public final Stream<FetchReq> req;
    public final Stream<ReadBeat> out;
    public final Stream<TransferCmd> transfer;
    public final Stream<ReadBeat> data;
    /** Armed, reading, holding or dropping blocks. */
    public final Bool busy = out(Bool());

    /**
     * @param dataWidth  the weight path's width (the read master's output beats)
     * @param depthWords FIFO words of {@code dataWidth} bits, a power of two
     * @param maxExperts bits of {@code active}
     */
    public ExpertPrefetcher(int dataWidth, int depthWords, int maxExperts) {
        param("DATA_WIDTH", dataWidth);
        param("DEPTH", depthWords);
        start = slave(new Stream<>(new PrefetchCmd(maxExperts)));
        req = slave(new Stream<>(new FetchReq()));
        out = master(new Stream<>(new ReadBeat(dataWidth)));
        transfer = master(new Stream<>(new TransferCmd(32, 32)));
        data = slave(new Stream<>(new ReadBeat(dataWidth)));

        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE).named("state");
        Bool arm = start.fire().and(state.is(State.IDLE)).named("arm");
        PrefetchCmd blocks = regNextWhen(start.payload, arm).named("blocks");
        Bits active = reg(Bits(maxExperts)).init(0).named("active");
        UInt expert = reg(UInt(8)).init(0).named("expert");
        Bool blockB = reg(Bool()).init(false).named("blockB");
        UInt base = reg(UInt(32)).init(0).named("base");
        Bool releasing = reg(Bool()).init(false).named("releasing");
        StreamFifo<FetchReq> asked = instance(new StreamFifo<>(new FetchReq(), FetchRouter.DEPTH));
        StreamFifo<UInt> issued = instance(new StreamFifo<>(UInt(32), DESCRIPTORS));
        StreamRamFifo<ReadBeat> fifo = instance(new StreamRamFifo<>(new ReadBeat(dataWidth), depthWords));

        // ---- reads: expert by expert, block A then B, skipping experts without tokens and empty blocks; after a release
        // only while blocks asked for may still be ahead ----
        Bool walking = state.is(State.RUN).and(releasing.not().or(asked.pop.valid)).and(expert.lt(blocks.experts)).named("walking");
        Bool expertActive = active.shr(expert.resize(log2Up(maxExperts))).lsb().and(expert.lt(maxExperts));
        UInt bytes = mux(blockB, blocks.weight2Bytes, blocks.weightBytes);
        Bool skip = expertActive.not().or(bytes.eq(0)).named("skip");
        transfer.valid.set(walking.and(skip.not()).and(issued.push.ready));
        transfer.payload.addr.set(mux(blockB, blocks.weight2Addr, blocks.weightAddr).plus(base));
        transfer.payload.bytes.set(bytes);
        issued.push.valid.set(transfer.fire());
        issued.push.payload.set(transfer.payload.addr);
        when(walking.and(skip.or(transfer.fire())), () -> {
            blockB.set(blockB.not());
            when(blockB, () -> {
                expert.set(expert.plus(1));
                base.set(base.plus(blocks.stride));
            });
        });

        // ---- the FIFO's head block: to the expert loop if asked for, dropped if passed over ----
        fifo.push.driveFrom(data);
        asked.push.driveFrom(req);
        Bool wanted = state.is(State.RUN).and(asked.pop.valid).and(issued.pop.valid)
                .and(issued.pop.payload.eq(asked.pop.payload.addr)).named("wanted");
        Bool drop = issued.pop.valid.and(state.is(State.DRAIN).or(asked.pop.valid.and(wanted.not()))
                .or(releasing.and(asked.pop.valid.not()))).named("drop");
        out.valid.set(wanted.and(fifo.pop.valid));
        out.payload.set(fifo.pop.payload);
        fifo.pop.ready.set(mux(wanted, out.ready, drop));
        Bool blockEnd = fifo.pop.fire().and(fifo.pop.payload.last).named("blockEnd");
        issued.pop.ready.set(blockEnd);
        asked.pop.ready.set(blockEnd.and(wanted));

        // ---- arming, confirming, releasing ----
        Bool same = start.payload.sameBlocks(blocks).named("sameBlocks");
        start.ready.set(state.is(State.IDLE).or(state.is(State.RUN).and(same).and(releasing.not())));
        Bool empty = issued.pop.valid.not().and(asked.pop.valid.not()).named("empty");
        switchOn(state)
            .is(State.IDLE, () -> when(arm, () -> {
                active.set(mux(start.payload.confirm, start.payload.active, Bits((1L << maxExperts) - 1, maxExperts)));
                expert.set(U(0, 8));
                blockB.set(false);
                base.set(U(0, 32));
                releasing.set(false);
                state.set(State.RUN);
            }))
            .is(State.RUN, () -> {
                when(start.fire().and(start.payload.confirm), () -> active.set(active.and(start.payload.active)));
                when(release, () -> releasing.set(true));
                when(start.valid.and(same.not()).and(releasing.not()), () -> state.set(State.DRAIN))
                        .elsewhen(releasing.and(empty), () -> state.set(State.IDLE));
            })
            .is(State.DRAIN, () -> when(issued.pop.valid.not(), () -> state.set(State.IDLE)));
        busy.set(state.is(State.IDLE).not());
    }
}
