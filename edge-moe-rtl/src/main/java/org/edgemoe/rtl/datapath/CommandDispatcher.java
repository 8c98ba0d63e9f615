package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamWidthAdapter;
import org.edgemoe.rtl.attention.AttnCmd;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;
import org.edgemoe.rtl.buffer.LoopCmd;
import org.edgemoe.rtl.embed.EmbedCmd;
import org.edgemoe.rtl.engine.ExpertEntry;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.rtl.layernorm.LnParamWrite;
import org.edgemoe.rtl.router.DrainBeat;
import org.edgemoe.rtl.router.RouterConfig;
import org.edgemoe.rtl.top.DecodedCommand;
import org.edgemoe.rtl.top.FetchDest;
import org.edgemoe.rtl.top.FetchReq;
import org.edgemoe.rtl.top.PrefetchCmd;

/**
 * Turns the sequencer's decoded commands into unit commands, one command at a time (a command's unit commands start
 * when every unit is idle, so program order is data order; a LINEAR's weights are requested as soon as the
 * previous command's requests are out, so they stream in while it computes). Weight blocks are requested on
 * {@code fetch} with their destination. LINEAR: block A to the compute unit (widened from the bus to weight rows)
 * and one {@link LinearOp} (three for destination QKV: Q, K and V into the QKV store's regions). LAYERNORM: gamma
 * (A) and beta (B) into parameter set 0, then the LayerNorm command. ATTENTION: one command per head. GATE: the
 * task's gate matrix (A) to the gate stage, then its command. EXPERTS: handed to the {@link ExpertLoop}. EMBED:
 * pos_embed (B) into the residual stream and the image into HID (pixel streamer), then the patch linear (A) from
 * HID added into tokens 1.. of the residual stream. STORE: the output transfer and the residual-buffer reads.
 * PREFETCH: its blocks to the expert prefetcher on {@code prefetch} (taken while the previous command runs, as a
 * LINEAR is; the expert loop confirms them there when its EXPERTS starts).
 */
public final class CommandDispatcher extends Module {
    enum State { IDLE, PREFETCH, FETCH_A, FETCH_B, LIN_OPS, LN_PARAMS, LN_RUN, ATT_HEADS, GATE, EXPERTS, STORE_XFER, STORE_READ,
        EMB_PIXELS, EMB_WAIT, EMB_FETCH, EMB_LINEAR, WAIT }

    public final Stream<DecodedCommand> cmd;
    public final Stream<FetchReq> fetch;
    public final Stream<PrefetchCmd> prefetch;
    /** The router's non-empty experts, for the expert loop. */
    public final Bits active;
    /** The expert loop has asked for its last block. */
    public final Bool release = out(Bool());
    public final Stream<ReadBeat> cuBeats;
    public final Stream<ReadBeat> lnBeats;
    public final Stream<LinearOp> linear;
    public final Stream<Bits> weight;
    public final Stream<LnStageCmd> lnCmd;
    public final Stream<LnParamWrite> lnParam;
    public final Stream<AttnCmd> attnCmd;
    public final Stream<GateCmd> gateCmd;
    public final Stream<EmbedCmd> embedCmd;
    public final Stream<TransferCmd> storeXfer;
    public final Stream<UInt> storeCmd;
    public final Stream<DrainBeat> drain;
    public final UInt bestToken;
    public final UInt bestExpert;
    public final Flow<ExpertEntry> list;
    public final Stream<LoopCmd> merge;
    public final UInt task = in(UInt(1));
    public final UInt inputAddr = in(UInt(32));
    public final UInt outputAddr = in(UInt(32));
    /** Any unit busy (engine, LayerNorm, attention, gate, merge, pixel streamer, residual load or store, write master). */
    public final Bool unitsBusy = in(Bool());
    public final Bool engineBusy = in(Bool());
    public final Bool mergeBusy = in(Bool());
    /** EMBED's inputs are in: no pos_embed transfer outstanding, the residual load and the pixel streamer idle. */
    public final Bool embedInputsDone = in(Bool());
    /** A QKV word written (the linear engine's output into the attention's store). */
    public final Bool qkvWritten = in(Bool());
    /** Weight-port transfers outstanding. */
    public final Bool fetchBusy = in(Bool());
    /** High from a command's acceptance until its unit commands are issued, and while the expert loop runs. */
    public final Bool busy = out(Bool());

    public CommandDispatcher(DatapathConfig cfg, AttnConfig attn, LnConfig ln, RouterConfig rc, int busBits) {
        int expertWidth = rc.expertBits();
        int aw = cfg.addrWidth();
        int lb = Integer.numberOfTrailingZeros(cfg.lanes());
        int rowBits = cfg.lanes() * org.edgemoe.rtl.cu.CuConfig.WEIGHT_WIDTH;
        org.edgemoe.model.hw.Formats f = cfg.cu().formats();
        cmd = slave(new Stream<>(new DecodedCommand()));
        fetch = master(new Stream<>(new FetchReq()));
        prefetch = master(new Stream<>(new PrefetchCmd(rc.experts())));
        active = in(Bits(rc.experts()));
        cuBeats = slave(new Stream<>(new ReadBeat(busBits)));
        lnBeats = slave(new Stream<>(new ReadBeat(busBits)));
        linear = master(new Stream<>(new LinearOp(cfg)));
        weight = master(new Stream<>(Bits(rowBits)));
        lnCmd = master(new Stream<>(new LnStageCmd(ln.setWidth(), aw)));
        lnParam = master(new Stream<>(new LnParamWrite(ln)));
        attnCmd = master(new Stream<>(new AttnCmd(attn)));
        gateCmd = master(new Stream<>(new GateCmd()));
        embedCmd = master(new Stream<>(new EmbedCmd(32, aw)));
        storeXfer = master(new Stream<>(new TransferCmd(32, 32)));
        storeCmd = master(new Stream<>(UInt(16)));
        drain = slave(new Stream<>(new DrainBeat(rc)));
        bestToken = out(UInt(log2Up(cfg.maxTokens())));
        bestExpert = in(UInt(expertWidth));
        list = master(new Flow<>(new ExpertEntry(log2Up(cfg.cu().maxTokens()), cfg.cu().tokenIndexWidth(), f.prob())));
        merge = master(new Stream<>(new LoopCmd(aw, 16)));

        ExpertLoop loop = instance(new ExpertLoop(cfg, rc));
        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE).named("state");
        DecodedCommand c = regNextWhen(cmd.payload, cmd.fire()).named("current");
        UInt step = reg(UInt(8)).init(0).named("step");

        // ---- weight rows and LayerNorm parameters from their beats ----
        weight.driveFrom(StreamWidthAdapter.adapt(cuBeats.map(b -> b.data), rowBits));
        Stream<Bits> lnRows = StreamWidthAdapter.adapt(lnBeats.map(b -> b.data), rowBits);
        LnParams params = new LnParams(ln, lnRows, B(true), state.is(State.LN_PARAMS), lnParam);
        lnRows.ready.set(params.ready);

        // a LINEAR is taken while the previous command still runs: its weights are requested at once (they stream in
        // behind the previous command's, hiding the read latency and the first tile's load) and its ops wait below
        Bool quiet = unitsBusy.not().named("unitsQuiet");
        // an ATTENTION right after its QKV linear is taken while that runs: each head starts once its Q, K and V are written
        Bool qkvLive = reg(Bool()).init(false).named("qkvLive");
        UInt qkvCount = reg(UInt(20)).init(0).named("qkvCount");
        UInt qkvTokens = reg(UInt(16)).init(0).named("qkvTokens");
        Bool early = cmd.payload.op.isOneOf(Opcode.LINEAR, Opcode.PREFETCH).or(cmd.payload.op.is(Opcode.ATTENTION).and(qkvLive));
        cmd.ready.set(state.is(State.IDLE).and(loop.busy.not()).and(early.or(quiet.and(fetchBusy.not()))));
        busy.set(state.is(State.IDLE).not().or(loop.busy));

        // ---- weight requests: the dispatcher's own, or the expert loop's while it runs ----
        HdlEnum<FetchDest> destA = Enum(FetchDest.class).literal(FetchDest.CU);
        destA = mux(c.op.is(Opcode.LAYERNORM), Enum(FetchDest.class).literal(FetchDest.LN), destA);
        destA = mux(c.op.is(Opcode.GATE), Enum(FetchDest.class).literal(FetchDest.GATE), destA);
        HdlEnum<FetchDest> destB = mux(c.op.is(Opcode.EMBED), Enum(FetchDest.class).literal(FetchDest.POS),
                Enum(FetchDest.class).literal(FetchDest.LN));
        Bool ownFetch = state.isOneOf(State.FETCH_A, State.FETCH_B, State.EMB_FETCH);
        Bool blockB = state.is(State.FETCH_B);
        fetch.valid.set(ownFetch.or(loop.fetch.valid));
        fetch.payload.addr.set(mux(loop.fetch.valid, loop.fetch.payload.addr, mux(blockB, c.weight2Addr, c.weightAddr)));
        fetch.payload.bytes.set(mux(loop.fetch.valid, loop.fetch.payload.bytes, mux(blockB, c.weight2Bytes, c.weightBytes)));
        fetch.payload.dest.set(mux(loop.fetch.valid, loop.fetch.payload.dest, mux(blockB, destB, destA)));
        fetch.payload.buffered.set(loop.fetch.valid.and(loop.fetch.payload.buffered));
        loop.fetch.ready.set(fetch.ready);

        // ---- unit commands ----
        Bool embed = c.op.is(Opcode.EMBED);
        Stream<LinearOp> own = wire(new Stream<>(new LinearOp(cfg)));
        LinearOps.drive(own, cfg, attn, c, step, embed);
        own.valid.set(state.is(State.LIN_OPS).and(quiet).or(state.is(State.EMB_LINEAR)));
        linear.valid.set(own.valid.or(loop.linear.valid));
        linear.payload.set(mux(loop.linear.valid, loop.linear.payload, own.payload));
        own.ready.set(linear.ready.and(loop.linear.valid.not()));
        loop.linear.ready.set(linear.ready);
        UInt linOps = mux(c.dst.is(Buf.QKV), U(3, 8), U(1, 8));

        lnCmd.valid.set(state.is(State.LN_RUN));
        lnCmd.payload.set.set(U(0, ln.setWidth()));
        lnCmd.payload.tokens.set(c.tokens);
        lnCmd.payload.src.set(U(0, aw));
        lnCmd.payload.dst.set(U(0, aw));
        // the CU writes Q, K, then V, output tile after output tile over all tokens: head h's V is in after
        // (2 D + (h + 1) headDim) / lanes words a token
        int regionWords = cfg.dim() >> lb;
        int headWords = Math.max(1, attn.headDim() >> lb);
        UInt headWordsNeeded = U(2 * regionWords + headWords, 8).plus(step.times(U(headWords, 8)).resize(8)).named("headWordsNeeded");
        Bool headReady = qkvLive.not().or(qkvCount.ge(qkvTokens.times(headWordsNeeded).resize(20))).named("headReady");
        attnCmd.valid.set(state.is(State.ATT_HEADS).and(headReady));
        Bool qkvFirstOp = state.is(State.LIN_OPS).and(c.dst.is(Buf.QKV)).and(step.eq(0)).and(linear.fire()).named("qkvFirstOp");
        when(qkvFirstOp, () -> {
            qkvLive.set(true);
            qkvCount.set(U(0, 20));
            qkvTokens.set(c.tokens);
        }).otherwise(() -> {
            when(qkvWritten.and(qkvCount.ne(0xFFFFF)), () -> qkvCount.set(qkvCount.plus(1)));
            when(cmd.fire().and(cmd.payload.op.is(Opcode.ATTENTION).not())
                    .or(state.is(State.ATT_HEADS).and(attnCmd.fire()).and(step.eq(c.count.minus(1)))), () -> qkvLive.set(false));
        });
        attnCmd.payload.head.set(step.resize(attn.headWidth()));
        attnCmd.payload.tokens.set(c.tokens.resize(attn.countWidth()));
        gateCmd.valid.set(state.is(State.GATE));
        gateCmd.payload.tokens.set(c.tokens);
        gateCmd.payload.task.set(task);
        embedCmd.valid.set(state.is(State.EMB_PIXELS));
        embedCmd.payload.imageAddr.set(inputAddr);
        embedCmd.payload.bufBase.set(U(0, aw));
        storeXfer.valid.set(state.is(State.STORE_XFER));
        storeXfer.payload.addr.set(outputAddr);
        storeXfer.payload.bytes.set(c.tokens.resize(32).times(c.outSize.resize(32)).resize(32).shl(2).resize(32));
        storeCmd.valid.set(state.is(State.STORE_READ));
        storeCmd.payload.set(c.tokens.times(c.outSize.shr(lb).resize(16)).resize(16));

        // ---- the expert prefetcher: PREFETCH's blocks, or the expert loop's confirmation ----
        Stream<PrefetchCmd> ownPrefetch = wire(new Stream<>(new PrefetchCmd(rc.experts())));
        ownPrefetch.valid.set(state.is(State.PREFETCH));
        PrefetchCmd.drive(ownPrefetch.payload, c);
        ownPrefetch.payload.active.set(Bits((1L << rc.experts()) - 1, rc.experts()));
        ownPrefetch.payload.confirm.set(false);
        prefetch.valid.set(ownPrefetch.valid.or(loop.prefetch.valid));
        prefetch.payload.set(mux(loop.prefetch.valid, loop.prefetch.payload, ownPrefetch.payload));
        ownPrefetch.ready.set(prefetch.ready.and(loop.prefetch.valid.not()));
        loop.prefetch.ready.set(prefetch.ready);
        loop.active.set(active);
        release.set(loop.release);

        // ---- the expert loop ----
        loop.cmd.valid.set(state.is(State.EXPERTS));
        loop.cmd.payload.set(c);
        loop.drain.driveFrom(drain);
        bestToken.set(loop.bestToken);
        loop.bestExpert.set(bestExpert);
        list.valid.set(loop.list.valid);
        list.payload.set(loop.list.payload);
        merge.driveFrom(loop.merge);
        loop.engineBusy.set(engineBusy);
        loop.mergeBusy.set(mergeBusy);

        sequence(state, c, step, linOps, params.done, loop.cmd.fire());
    }

    private void sequence(HdlEnum<State> state, DecodedCommand c, UInt step, UInt linOps, Bool paramsDone, Bool handedOver) {
        Bool hasA = c.weightBytes.ne(0);
        switchOn(state)
            .is(State.IDLE, () -> when(cmd.fire(), () -> {
                step.set(U(0, 8));
                HdlEnum<Opcode> op = cmd.payload.op;
                when(op.is(Opcode.EMBED), () -> state.set(State.FETCH_B))
                        .elsewhen(op.is(Opcode.PREFETCH), () -> state.set(State.PREFETCH))
                        .elsewhen(op.is(Opcode.ATTENTION), () -> state.set(State.ATT_HEADS))
                        .elsewhen(op.is(Opcode.EXPERTS), () -> state.set(State.EXPERTS))
                        .elsewhen(op.is(Opcode.STORE), () -> state.set(State.STORE_XFER))
                        .otherwise(() -> state.set(State.FETCH_A));   // LINEAR, LAYERNORM, GATE
            }))
            .is(State.PREFETCH, () -> when(prefetch.fire(), () -> state.set(State.WAIT)))
            .is(State.FETCH_A, () -> when(fetch.fire().or(hasA.not()), () -> {
                when(c.op.is(Opcode.LAYERNORM), () -> state.set(State.FETCH_B))
                        .elsewhen(c.op.is(Opcode.GATE), () -> state.set(State.GATE))
                        .otherwise(() -> state.set(State.LIN_OPS));
            }))
            .is(State.FETCH_B, () -> when(fetch.fire(), () -> {
                when(c.op.is(Opcode.EMBED), () -> state.set(State.EMB_PIXELS)).otherwise(() -> state.set(State.LN_PARAMS));
            }))
            .is(State.LIN_OPS, () -> when(linear.fire(), () -> {
                step.set(step.plus(1));
                when(step.eq(linOps.minus(1)), () -> state.set(State.WAIT));
            }))
            .is(State.LN_PARAMS, () -> when(paramsDone, () -> state.set(State.LN_RUN)))
            .is(State.LN_RUN, () -> when(lnCmd.fire(), () -> state.set(State.WAIT)))
            .is(State.ATT_HEADS, () -> when(attnCmd.fire(), () -> {
                step.set(step.plus(1));
                when(step.eq(c.count.minus(1)), () -> state.set(State.WAIT));
            }))
            .is(State.GATE, () -> when(gateCmd.fire(), () -> state.set(State.WAIT)))
            .is(State.EXPERTS, () -> when(handedOver, () -> state.set(State.WAIT)))
            .is(State.STORE_XFER, () -> when(storeXfer.fire(), () -> state.set(State.STORE_READ)))
            .is(State.STORE_READ, () -> when(storeCmd.fire(), () -> state.set(State.WAIT)))
            .is(State.EMB_PIXELS, () -> when(embedCmd.fire(), () -> state.set(State.EMB_WAIT)))
            .is(State.EMB_WAIT, () -> when(embedInputsDone, () -> state.set(State.EMB_FETCH)))
            .is(State.EMB_FETCH, () -> when(fetch.fire(), () -> state.set(State.EMB_LINEAR)))
            .is(State.EMB_LINEAR, () -> when(linear.fire(), () -> state.set(State.WAIT)))
            .is(State.WAIT, () -> state.set(State.IDLE));
    }
}
