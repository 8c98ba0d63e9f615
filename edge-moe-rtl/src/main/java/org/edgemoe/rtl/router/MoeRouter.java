package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;

/**
 * MoE expert router: gate matrix-vector product ({@link GateMac}), online softmax and top-k ({@link TopKSoftmax}),
 * per-token routing output and per-expert token queues drained after each layer ({@link ExpertQueues}), run by
 * this controller's state machine ({@link State}). Bit-exact with {@link org.edgemoe.model.hw.GateRouting}
 * (HwModel's routing). See docs/blocks/moe-router.md.
 *
 * <p>Streams, payloads by field: {@code input} ({@link GateInput}: L gate-input elements per beat, K / L beats per token);
 * {@code weights} ({@link GateColumn}: one gate column of E weights per beat, lane e = expert e; always ready);
 * {@code route} ({@link RouteBeat}: one beat per token, ranks best first); {@code drain} ({@link DrainBeat}: after
 * the layer's last token, each non-empty expert's header and queue).
 */
public final class MoeRouter extends Module {
    /**
     * The controller's states: a token goes IDLE (MAC) -> CONV (logits into the scan) -> SOFTMAX (E scan steps) ->
     * SUM (the last exp result) -> DIV (P+1 divider steps) -> PROB (k scores) -> EMIT (route beat, queue appends),
     * then IDLE again, or after the layer's last token DSTART -> DRAIN -> IDLE.
     */
    public enum State { IDLE, CONV, SOFTMAX, SUM, DIV, PROB, EMIT, DSTART, DRAIN }

    public final Stream<GateInput> input;
    public final Stream<GateColumn> weights;
    public final Stream<RouteBeat> route;
    public final Stream<DrainBeat> drain;
    /** Bit e set when expert e's queue is non-empty (queues of the layer being routed or drained). */
    public final Bits nonEmpty;

    /** Register stages of the shared exp lane (free running). */
    static final int EXP_LATENCY = 3;

    private final RouterConfig cfg;
    private final GateMac mac;
    private final TopKSoftmax softmax;
    private final ExpertQueues expertQueues;

    /** Default: {@link RouterConfig#defaults()} (dsp18 formats, 16 experts, 192 inputs, 2 tasks, top-2, expertQueues of 256). */
    public MoeRouter() {
        this(RouterConfig.defaults());
    }

    public MoeRouter(Formats f, int experts, int dim, int tasks, int topK, int queueDepth) {
        this(new RouterConfig(f, experts, dim, tasks, topK, queueDepth));
    }

    public MoeRouter(RouterConfig cfg) {
        this.cfg = cfg;
        int topK = cfg.topK();
        int qb = cfg.tokenBits();
        param("FORMATS", cfg.formats().name());
        param("EXPERTS", cfg.experts());
        param("DIM", cfg.dim());
        param("TASKS", cfg.tasks());
        param("TOPK", topK);
        param("QUEUE_DEPTH", cfg.queueDepth());
        input = slave(new Stream<>(new GateInput(cfg)));
        weights = slave(new Stream<>(new GateColumn(cfg)));
        route = master(new Stream<>(new RouteBeat(cfg)));
        drain = master(new Stream<>(new DrainBeat(cfg)));
        nonEmpty = out(Bits(cfg.experts()));

        mac = instance(new GateMac(cfg));
        softmax = instance(new TopKSoftmax(cfg, EXP_LATENCY));
        expertQueues = instance(new ExpertQueues(cfg));
        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE).named("state");
        Bool curLast = reg(Bool()).init(false).named("curLast");
        Bool routeDone = reg(Bool()).init(false).named("routeDone");
        UInt token = reg(UInt(qb)).init(0).named("token");

        // ---- the gate MAC: a token is taken while idle ----
        mac.input.driveFrom(input);
        mac.weights.driveFrom(weights);
        mac.accept.set(state.is(State.IDLE));

        // ---- softmax and top-k, stepped by the state ----
        softmax.logits.set(mac.logits);
        softmax.load.set(state.is(State.CONV));
        softmax.scan.set(state.is(State.SOFTMAX));
        softmax.divInit.set(state.is(State.SUM).and(softmax.sumDone));
        softmax.divStep.set(state.is(State.DIV));
        softmax.probWindow.set(state.isOneOf(State.SUM, State.DIV));
        softmax.probStep.set(state.is(State.PROB).and(softmax.probReady));
        Bool probsDone = softmax.probStep.and(softmax.probLast).named("probsDone");

        // ---- emit: the route beat, and the queue appends (one per cycle, rank order) ----
        route.valid.set(state.is(State.EMIT).and(routeDone.not()));
        for (int i = 0; i < topK; i++) {
            route.payload.score.get(i).set(Fix.fromRaw(cfg.formats().prob(),
                    softmax.scores.get(i).resize(cfg.formats().prob().width())));
        }
        route.payload.expert.set(softmax.experts);
        route.payload.token.set(token);
        route.payload.last.set(curLast);
        when(route.fire(), () -> routeDone.set(B(true)));
        expertQueues.emitStart.set(probsDone);
        expertQueues.emit.set(state.is(State.EMIT));
        expertQueues.experts.set(softmax.experts);
        expertQueues.scores.set(softmax.scores);
        expertQueues.token.set(token);
        Bool emitDone = state.is(State.EMIT).and(routeDone.or(route.ready)).and(expertQueues.appended).named("emitDone");

        // ---- drain: after the layer's last token ----
        expertQueues.drainStart.set(state.is(State.DSTART));
        expertQueues.draining.set(state.is(State.DRAIN));
        expertQueues.clear.set(expertQueues.drainDone);
        drain.driveFrom(expertQueues.drain);
        nonEmpty.set(expertQueues.nonEmpty);

        // ---- control ----
        switchOn(state)
                .is(State.IDLE, () -> when(mac.handoff, () -> {
                    curLast.set(mac.last);
                    state.set(State.CONV);
                }))
                .is(State.CONV, () -> state.set(State.SOFTMAX))
                .is(State.SOFTMAX, () -> when(softmax.scanLast, () -> state.set(State.SUM)))
                .is(State.SUM, () -> when(softmax.sumDone, () -> state.set(State.DIV)))
                .is(State.DIV, () -> when(softmax.divLast, () -> state.set(State.PROB)))
                .is(State.PROB, () -> when(probsDone, () -> {
                    routeDone.set(B(false));
                    state.set(State.EMIT);
                }))
                .is(State.EMIT, () -> when(emitDone, () -> {
                    token.set(token.plus(1));
                    state.set(mux(curLast, state.literal(State.DSTART), state.literal(State.IDLE)));
                }))
                .is(State.DSTART, () -> state.set(State.DRAIN))
                .is(State.DRAIN, () -> when(expertQueues.drainDone, () -> {
                    token.set(U(0, qb));
                    state.set(State.IDLE);
                }));
    }

    public RouterConfig config() {
        return cfg;
    }
}
