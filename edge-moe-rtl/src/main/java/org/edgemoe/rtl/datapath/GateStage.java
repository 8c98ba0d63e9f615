package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamWidthAdapter;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.AddressGen;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.router.DrainBeat;
import org.edgemoe.rtl.router.MoeRouter;
import org.edgemoe.rtl.router.RouteBeat;
import org.edgemoe.rtl.router.RouterConfig;

/**
 * GATE: the {@link MoeRouter} fed from the LNO buffer. A command first takes the task's gate matrix from the
 * weight port ({@code weights}: D columns of E 2-byte values, input-major, as the weight image stores it), then
 * reads the tokens' LayerNorm-2 outputs word by word and sends them to the router {@code gateLanes} elements a
 * cycle. Each
 * token's route beat records its best expert ({@code bestToken} / {@code bestExpert}, read by the expert loop to
 * tell a token's first expert from its second); the router's per-expert queues leave on {@code drain} after the
 * last token, for EXPERTS. {@code busy} until every token is routed (the drain may wait for EXPERTS).
 */
public final class GateStage extends Module {
    enum State { IDLE, LOAD, RUN }

    public final Stream<GateCmd> cmd;
    public final Stream<ReadBeat> weights;
    public final Stream<BufferAddr> lnoRead;
    public final Stream<ActBuffer.Word> lnoData;
    public final Stream<DrainBeat> drain;
    public final UInt bestToken;
    public final UInt bestExpert;
    public final Bool busy = out(Bool());
    /** Bit e: expert e's queue has tokens (from the gate's end until the drain has sent it). */
    public final Bits nonEmpty;

    /**
     * The router of a gate stage: top-2 over {@code experts}, two tasks, queues as deep as the token index space,
     * {@code gateLanes} gate-input elements a cycle.
     */
    public static RouterConfig routerConfig(Formats f, int dim, int experts, int maxTokens, int gateLanes) {
        return new RouterConfig(f, experts, dim, 2, 2, 1 << log2Up(maxTokens), gateLanes);
    }

    /**
     * @param lanes     elements of an LNO word
     * @param gateLanes elements the router takes a cycle (a power of two dividing {@code lanes})
     */
    public GateStage(Formats f, int lanes, int gateLanes, int dim, int experts, int maxTokens, int addrWidth, int busBits) {
        if (gateLanes < 1 || gateLanes > lanes || lanes % gateLanes != 0) {
            throw new IllegalArgumentException("gate lanes must divide the LNO word's " + lanes + " elements, was " + gateLanes);
        }
        int tw = log2Up(maxTokens);
        param("LANES", lanes);
        param("GATE_LANES", gateLanes);
        param("EXPERTS", experts);
        param("DIM", dim);
        RouterConfig rc = routerConfig(f, dim, experts, maxTokens, gateLanes);
        MoeRouter router = instance(new MoeRouter(rc));
        int eb = rc.expertBits();
        int wA = f.act().width();
        int wW = f.weightLinear().width();
        cmd = slave(new Stream<>(new GateCmd()));
        weights = slave(new Stream<>(new ReadBeat(busBits)));
        lnoRead = master(new Stream<>(new BufferAddr(addrWidth)));
        lnoData = slave(new Stream<>(new ActBuffer.Word(lanes, f.act())));
        drain = master(new Stream<>(new DrainBeat(rc)));
        bestToken = in(UInt(tw));
        bestExpert = out(UInt(eb));
        nonEmpty = out(Bits(experts));

        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE).named("state");
        UInt tokens = reg(UInt(16)).init(0).named("tokens");
        UInt task = reg(UInt(1)).init(0).named("gateTask");
        int kw = log2Up(dim + 1);
        UInt column = reg(UInt(kw)).init(0).named("column");
        UInt routed = reg(UInt(16)).init(0).named("routed");

        // ---- the gate matrix: one column of E weights per 2E bytes ----
        Stream<Bits> cols = StreamWidthAdapter.adapt(weights.map(b -> b.data), experts * 16);
        cols.ready.set(B(true));
        router.weights.valid.set(cols.valid);
        for (int e = 0; e < experts; e++) {
            router.weights.payload.w.get(e).set(Fix.fromRaw(f.weightLinear(), cols.payload.slice(16 * e + wW - 1, 16 * e)));
        }
        router.weights.payload.index.set(column.resize(rc.indexBits()));
        router.weights.payload.task.set(task);
        when(cols.fire(), () -> column.set(column.plus(1)));

        // ---- the tokens: LNO words, gateLanes elements a cycle ----
        AddressGen gen = instance(new AddressGen(addrWidth, 16));
        gen.cmd.valid.set(state.is(State.LOAD).and(column.eq(dim)));
        gen.cmd.payload.setRun(tokens.times(U(dim / lanes, 8)).resize(16));
        lnoRead.driveFrom(gen.addr);
        Stream<Bits> elems = StreamWidthAdapter.adapt(lnoData.map(w -> w.lanes.toBits()), gateLanes * wA);
        int beats = dim / gateLanes;
        UInt elem = reg(UInt(kw)).init(0).named("elem");
        UInt token = reg(UInt(16)).init(0).named("token");
        Bool lastToken = token.plus(1).eq(tokens).named("lastToken");
        router.input.valid.set(elems.valid);
        for (int j = 0; j < gateLanes; j++) {
            router.input.payload.x.get(j).set(Fix.fromRaw(f.act(), elems.payload.slice(wA * j + wA - 1, wA * j)));
        }
        router.input.payload.task.set(task);
        router.input.payload.last.set(lastToken);
        elems.ready.set(router.input.ready);
        when(router.input.fire(), () -> {
            Bool endOfToken = elem.eq(beats - 1);
            elem.set(mux(endOfToken, U(0, kw), elem.plus(1)));
            when(endOfToken, () -> token.set(token.plus(1)));
        });

        // ---- route beats: each token's best expert ----
        Mem<UInt> best = mem(UInt(eb), maxTokens);
        router.route.ready.set(B(true));
        RouteBeat r = router.route.payload;
        when(router.route.fire(), () -> {
            best.write(r.token.resize(tw), r.expert.get(0));
            routed.set(routed.plus(1));
        });
        bestExpert.set(best.readAsync(bestToken));

        // ---- drain: the router's per-expert queues, for EXPERTS ----
        drain.driveFrom(router.drain);
        nonEmpty.set(router.nonEmpty);

        cmd.ready.set(state.is(State.IDLE));
        switchOn(state)
            .is(State.IDLE, () -> when(cmd.fire(), () -> {
                tokens.set(cmd.payload.tokens);
                task.set(cmd.payload.task);
                column.set(U(0, kw));
                elem.set(U(0, kw));
                token.set(U(0, 16));
                routed.set(U(0, 16));
                state.set(State.LOAD);
            }))
            .is(State.LOAD, () -> when(gen.cmd.fire(), () -> state.set(State.RUN)))
            .is(State.RUN, () -> when(routed.eq(tokens), () -> state.set(State.IDLE)));
        busy.set(state.is(State.IDLE).not());
    }
}
