package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.buffer.LoopCmd;
import org.edgemoe.rtl.engine.ExpertEntry;
import org.edgemoe.rtl.router.DrainBeat;
import org.edgemoe.rtl.router.RouterConfig;
import org.edgemoe.rtl.top.DecodedCommand;
import org.edgemoe.rtl.top.FetchDest;
import org.edgemoe.rtl.top.FetchReq;
import org.edgemoe.rtl.top.PrefetchCmd;

/**
 * EXPERTS: the expert loop over the router's drain, non-empty experts only. It first confirms its weight blocks to the
 * {@link org.edgemoe.rtl.top.ExpertPrefetcher} on {@code prefetch} (arming it if no PREFETCH did; {@code active}, the
 * router's non-empty experts, stops it reading the others), which reads every expert's blocks ahead: each request
 * below is {@code buffered}. Per expert e (a drain header): FC1's weights (block A + e x stride) are requested at once, behind the previous expert's FC2 weights, so the DDR
 * streams them while that FC2 finishes; once the engine is idle its token list is written ({@code list}:
 * position, token, score, and whether e is the token's second expert, from the gate stage's best-expert memory);
 * then FC1 (x gathered from LNO through the list, GELU, into HID at the list positions), then FC2's weights
 * (block B + e x stride, streaming while FC1 computes) and FC2 (HID into the residual stream, scattered to the tokens,
 * scale-accumulated with the score: a token's best expert into RES, its second into SEC). A weight block is
 * requested only when the command that consumes it is next on the engine (weights with no command due would
 * fill the read path and stall the next request). With the last expert's FC2 issued, {@code release} tells the
 * prefetcher no more blocks will be asked for. After the last expert, {@code merge} adds SEC into RES.
 */
public final class ExpertLoop extends Module {
    enum State { IDLE, ARM, HEADER, FETCH1, WAIT_ENGINE, LIST, FC1, FETCH2, FC2, MERGE, WAIT_MERGE }

    public final Stream<DecodedCommand> cmd;
    public final Stream<DrainBeat> drain;
    public final UInt bestToken;
    public final UInt bestExpert;
    public final Flow<ExpertEntry> list;
    public final Stream<FetchReq> fetch;
    public final Stream<PrefetchCmd> prefetch;
    /** Bit e: expert e has tokens (the router's queues, valid from the gate's end until the drain's). */
    public final Bits active;
    /** Every block of this EXPERTS has been asked for. */
    public final Bool release = out(Bool());
    public final Stream<LinearOp> linear;
    public final Stream<LoopCmd> merge;
    public final Bool engineBusy = in(Bool());
    public final Bool mergeBusy = in(Bool());
    public final Bool busy = out(Bool());

    public ExpertLoop(DatapathConfig cfg, RouterConfig rc) {
        int expertWidth = rc.expertBits();
        int countWidth = rc.countBits();
        Formats f = cfg.cu().formats();
        int tw = log2Up(cfg.maxTokens());
        int aw = cfg.addrWidth();
        int lb = Integer.numberOfTrailingZeros(cfg.lanes());
        cmd = slave(new Stream<>(new DecodedCommand()));
        drain = slave(new Stream<>(new DrainBeat(rc)));
        bestToken = out(UInt(tw));
        bestExpert = in(UInt(expertWidth));
        list = master(new Flow<>(new ExpertEntry(log2Up(cfg.cu().maxTokens()), cfg.cu().tokenIndexWidth(), f.prob())));
        fetch = master(new Stream<>(new FetchReq()));
        prefetch = master(new Stream<>(new PrefetchCmd(rc.experts())));
        active = in(Bits(rc.experts()));
        linear = master(new Stream<>(new LinearOp(cfg)));
        merge = master(new Stream<>(new LoopCmd(aw, 16)));

        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE).named("state");
        DecodedCommand c = regNextWhen(cmd.payload, cmd.fire()).named("current");
        UInt expert = reg(UInt(expertWidth)).init(0).named("expert");
        UInt count = reg(UInt(countWidth)).init(0).named("count");
        UInt pos = reg(UInt(countWidth)).init(0).named("pos");
        Bool lastExpert = reg(Bool()).init(false).named("lastExpert");
        UInt offset = expert.resize(32).times(c.weightStride).resize(32).named("expertOffset");

        // ---- weights: FC1 then FC2 of the expert ----
        fetch.valid.set(state.isOneOf(State.FETCH1, State.FETCH2));
        fetch.payload.addr.set(mux(state.is(State.FETCH1), c.weightAddr, c.weight2Addr).plus(offset));
        fetch.payload.bytes.set(mux(state.is(State.FETCH1), c.weightBytes, c.weight2Bytes));
        fetch.payload.dest.set(FetchDest.CU);
        fetch.payload.buffered.set(true);
        prefetch.valid.set(state.is(State.ARM));
        PrefetchCmd.drive(prefetch.payload, c);
        prefetch.payload.active.set(active);
        prefetch.payload.confirm.set(true);

        // ---- the token list, straight from the drain ----
        bestToken.set(drain.payload.token.resize(tw));
        Bool listing = state.is(State.LIST);
        drain.ready.set(state.is(State.HEADER).or(listing));
        list.valid.set(listing.and(drain.valid));
        list.payload.pos.set(pos.resize(list.payload.pos.width()));
        list.payload.token.set(drain.payload.token.resize(list.payload.token.width()));
        list.payload.score.set(drain.payload.score);
        list.payload.second.set(bestExpert.ne(expert));

        // ---- FC1 and FC2 ----
        ExpertOps.drive(linear, cfg, c, count, state.is(State.FC2));
        linear.valid.set(state.isOneOf(State.FC1, State.FC2));

        merge.valid.set(state.is(State.MERGE).and(engineBusy.not()));   // after the last FC2 has written RES and SEC
        merge.payload.setRun(c.tokens.times(U(cfg.dim() >> lb, 8)).resize(16));

        cmd.ready.set(state.is(State.IDLE));
        switchOn(state)
            .is(State.IDLE, () -> when(cmd.fire(), () -> state.set(State.ARM)))
            .is(State.ARM, () -> when(prefetch.fire(), () -> state.set(State.HEADER)))
            .is(State.HEADER, () -> when(drain.fire(), () -> {
                expert.set(drain.payload.expert);
                count.set(drain.payload.count);
                pos.set(U(0, countWidth));
                state.set(State.FETCH1);
            }))
            .is(State.FETCH1, () -> when(fetch.fire(), () -> state.set(State.WAIT_ENGINE)))
            .is(State.WAIT_ENGINE, () -> when(engineBusy.not(), () -> state.set(State.LIST)))
            .is(State.LIST, () -> when(drain.fire(), () -> {
                pos.set(pos.plus(1));
                lastExpert.set(drain.payload.last);
                when(pos.plus(1).eq(count), () -> state.set(State.FC1));
            }))
            .is(State.FC1, () -> when(linear.fire(), () -> state.set(State.FETCH2)))
            .is(State.FETCH2, () -> when(fetch.fire(), () -> state.set(State.FC2)))
            .is(State.FC2, () -> when(linear.fire(), () -> when(lastExpert, () -> state.set(State.MERGE))
                    .otherwise(() -> state.set(State.HEADER))))
            .is(State.MERGE, () -> when(merge.fire(), () -> state.set(State.WAIT_MERGE)))
            .is(State.WAIT_MERGE, () -> when(mergeBusy.not(), () -> state.set(State.IDLE)));
        release.set(state.is(State.FC2).and(linear.fire()).and(lastExpert));
        busy.set(state.is(State.IDLE).not());
    }
}
