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
import org.edgemoe.rtl.attention.AttnCmd;
import org.edgemoe.rtl.attention.AttnConfig;
import org.edgemoe.rtl.axi.ReadBeat;
import org.edgemoe.rtl.axi.TransferCmd;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.layernorm.LnConfig;
import org.edgemoe.rtl.layernorm.LnParamWrite;
import org.edgemoe.rtl.top.DecodedCommand;

/**
 * Turns the sequencer's decoded commands into the {@link LayerDatapath}'s unit commands, one command at a time
 * (a command starts when every unit is idle, so program order is data order; overlapping independent commands
 * is a later optimisation). LINEAR: one weight transfer (the block in the compute unit's stream order, bias
 * rows included) widened from the bus to the array's weight rows, and one {@link LinearOp} (three for
 * destination QKV: Q, K and V into the QKV store's regions). LAYERNORM: gamma then beta fetched into parameter
 * set 0, then the LayerNorm command. ATTENTION: one command per head. Other opcodes are not executed here: they
 * raise {@code unsupported} (the sequencer turns it into an error code) instead of being skipped.
 */
public final class CommandDispatcher extends Module {
    enum State { IDLE, LIN_OPS, LN_PARAMS, LN_RUN, ATT_HEADS, WAIT }

    public final Stream<DecodedCommand> cmd;
    public final Stream<TransferCmd> fetch;
    public final Stream<ReadBeat> fetchData;
    public final Stream<LinearOp> linear;
    public final Stream<Bits> weight;
    public final Stream<LnStageCmd> lnCmd;
    public final Stream<LnParamWrite> lnParam;
    public final Stream<AttnCmd> attnCmd;
    public final Bool unitsBusy = in(Bool());
    /** High from a command's acceptance until its unit commands are issued and its fetch is done. */
    public final Bool busy = out(Bool());
    /** Pulses when a command this datapath does not execute arrives (the command is dropped). */
    public final Bool unsupported = out(Bool());

    public CommandDispatcher(DatapathConfig cfg, AttnConfig attn, LnConfig ln, int busBits) {
        int n = cfg.lanes();
        int aw = cfg.addrWidth();
        int rowBits = n * org.edgemoe.rtl.cu.CuConfig.WEIGHT_WIDTH;
        cmd = slave(new Stream<>(new DecodedCommand()));
        fetch = master(new Stream<>(new TransferCmd(32, 32)));
        fetchData = slave(new Stream<>(new ReadBeat(busBits)));
        linear = master(new Stream<>(new LinearOp(cfg)));
        weight = master(new Stream<>(Bits(rowBits)));
        lnCmd = master(new Stream<>(new LnStageCmd(ln.setWidth(), aw)));
        lnParam = master(new Stream<>(new LnParamWrite(ln)));
        attnCmd = master(new Stream<>(new AttnCmd(attn)));

        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE).named("state");
        DecodedCommand c = regNextWhen(cmd.payload, cmd.fire()).named("current");
        UInt step = reg(UInt(8)).init(0).named("step");
        Bool fetchIssued = reg(Bool()).init(false).named("fetchIssued");
        Bool toParams = reg(Bool()).init(false).named("toParams");
        Bool needFetch = reg(Bool()).init(false).named("needFetch");
        UInt outstanding = reg(UInt(2)).init(0).named("outstanding");   // fetches not yet fully received

        // ---- the weight / parameter path: bus beats widened to array rows ----
        Stream<Bits> rows = StreamWidthAdapter.adapt(fetchData.map(b -> b.data), rowBits);
        Bool lastBeat = fetchData.fire().and(fetchData.payload.last);
        weight.valid.set(rows.valid.and(toParams.not()));
        weight.payload.set(rows.payload);
        LnParams params = new LnParams(ln, rows, toParams, state.is(State.LN_PARAMS), lnParam);
        rows.ready.set(mux(toParams, params.ready, weight.ready));

        Bool idle = state.is(State.IDLE).and(unitsBusy.not()).and(outstanding.eq(0)).named("idle");
        Bool known = cmd.payload.op.is(Opcode.LINEAR).or(cmd.payload.op.is(Opcode.LAYERNORM)).or(cmd.payload.op.is(Opcode.ATTENTION));
        cmd.ready.set(idle);
        unsupported.set(cmd.fire().and(known.not()));
        busy.set(state.is(State.IDLE).not().or(outstanding.ne(0)));

        // ---- fetch: one transfer per LINEAR / LAYERNORM ----
        fetch.valid.set(state.is(State.IDLE).not().and(needFetch).and(fetchIssued.not()));
        fetch.payload.addr.set(c.weightAddr);
        fetch.payload.bytes.set(mux(toParams, U(4L * ln.dim(), 32), c.weightBytes));
        when(fetch.fire().and(lastBeat.not()), () -> outstanding.set(outstanding.plus(1)))
                .elsewhen(lastBeat.and(fetch.fire().not()), () -> outstanding.set(outstanding.minus(1)));

        // ---- unit commands ----
        LinearOps.drive(linear, cfg, attn, c, step);
        lnCmd.valid.set(state.is(State.LN_RUN));
        lnCmd.payload.set.set(U(0, ln.setWidth()));
        lnCmd.payload.tokens.set(c.tokens);
        lnCmd.payload.src.set(U(0, aw));
        lnCmd.payload.dst.set(U(0, aw));
        attnCmd.valid.set(state.is(State.ATT_HEADS));
        attnCmd.payload.head.set(step.resize(attn.headWidth()));
        attnCmd.payload.tokens.set(c.tokens.resize(attn.countWidth()));
        linear.valid.set(state.is(State.LIN_OPS));
        UInt linOps = mux(c.dst.is(Buf.QKV), U(3, 8), U(1, 8));

        when(fetch.fire(), () -> fetchIssued.set(true));
        switchOn(state)
            .is(State.IDLE, () -> when(cmd.fire().and(known), () -> {
                step.set(U(0, 8));
                fetchIssued.set(false);
                toParams.set(cmd.payload.op.is(Opcode.LAYERNORM));
                needFetch.set(cmd.payload.op.is(Opcode.ATTENTION).not());
                when(cmd.payload.op.is(Opcode.LINEAR), () -> state.set(State.LIN_OPS))
                        .elsewhen(cmd.payload.op.is(Opcode.LAYERNORM), () -> state.set(State.LN_PARAMS))
                        .otherwise(() -> state.set(State.ATT_HEADS));
            }))
            .is(State.LIN_OPS, () -> when(linear.fire(), () -> {
                step.set(step.plus(1));
                when(step.eq(linOps.minus(1)), () -> state.set(State.WAIT));
            }))
            .is(State.LN_PARAMS, () -> when(params.done, () -> state.set(State.LN_RUN)))
            .is(State.LN_RUN, () -> when(lnCmd.fire(), () -> state.set(State.WAIT)))
            .is(State.ATT_HEADS, () -> when(attnCmd.fire(), () -> {
                step.set(step.plus(1));
                when(step.eq(c.count.minus(1)), () -> state.set(State.WAIT));
            }))
            .is(State.WAIT, () -> when(needFetch.not().or(fetchIssued).and(outstanding.eq(0)), () -> state.set(State.IDLE)));
    }
}
