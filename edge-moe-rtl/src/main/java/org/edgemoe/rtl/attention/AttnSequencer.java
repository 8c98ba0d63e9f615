package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;

/**
 * Walks the staggered schedule of one head per command, one {@link AttnStep} per output transfer. The
 * queries of a head are cut into blocks of P (the last block may be shorter: nq = min(P, T - base)).
 * Per block, in {@link Mode#KEYS} mode, key beats kc = 0 .. T + nq - 2 read token (base + kc) mod T, each
 * as {@link AttnConfig#parts()} row beats: lane o of the block joins at kc = o and leaves after T keys,
 * so it visits keys base + o, base + o + 1, ... wrapping at T. {@link Mode#QUERIES}: kc = 0 .. nq - 1,
 * token base + kc, as row beats. {@link Mode#PROBS}: the key walk without row beats (one step per key).
 * The next command is taken with the head's last step, so heads follow each other without a gap.
 * The engine has one per request stream and one per consumer (a repeated sub-FSM is a module).
 */
public final class AttnSequencer extends Module {
    /** What the sequence walks. */
    public enum Mode { QUERIES, KEYS, PROBS }

    enum State { IDLE, RUN }

    public final Stream<AttnCmd> cmd;
    public final Stream<AttnStep> step;

    public AttnSequencer(AttnConfig cfg, Mode mode) {
        param("MODE", mode.name());
        param("LANES", cfg.lanes());
        param("PARTS", cfg.parts());
        param("T_MAX", cfg.tMax());
        cmd = slave(new Stream<>(new AttnCmd(cfg)));
        step = master(new Stream<>(new AttnStep(cfg)));
        int w = Math.max(cfg.countWidth(), cfg.kcWidth()) + 1;
        int p = cfg.lanes();

        HdlEnum<State> state = reg(Enum(State.class)).init(State.IDLE).named("state");
        UInt head = reg(UInt(cfg.headWidth())).named("head");
        UInt tokens = reg(UInt(cfg.countWidth())).named("tokens");
        UInt base = reg(UInt(cfg.tokenWidth())).named("base");
        UInt nq = reg(UInt(cfg.nqWidth())).named("nq");
        UInt kc = reg(UInt(cfg.kcWidth())).named("kc");
        UInt key = reg(UInt(cfg.tokenWidth())).named("key");
        UInt part = reg(UInt(cfg.partWidth())).named("part");

        UInt kcEnd = (mode == Mode.QUERIES
                ? nq.resize(w).minus(U(1, w))
                : tokens.resize(w).plus(nq.resize(w)).minus(U(2, w))).named("kcEnd");
        Bool partLast = (mode == Mode.PROBS || cfg.parts() == 1 ? B(true) : part.eq(cfg.parts() - 1)).named("partLast");
        Bool kcLast = kc.resize(w).eq(kcEnd).named("kcLast");
        Bool blockLast = partLast.and(kcLast).named("blockLast");
        UInt nextBase = base.resize(w).plus(U(p, w)).named("nextBase");
        Bool headDone = nextBase.ge(tokens.resize(w)).named("headDone");
        Bool headLast = blockLast.and(headDone).named("headLast");
        UInt rem = tokens.resize(w).minus(nextBase).named("rem");
        UInt nextNq = mux(rem.gt(U(p, w)), U(p, cfg.nqWidth()), rem.resize(cfg.nqWidth())).named("nextNq");
        Bool keyWrap = key.resize(cfg.countWidth()).eq(tokens.minus(U(1, cfg.countWidth()))).named("keyWrap");

        step.valid.set(state.is(State.RUN));
        step.payload.head.set(head);
        step.payload.tokens.set(tokens);
        step.payload.base.set(base);
        step.payload.nq.set(nq);
        step.payload.kc.set(kc);
        step.payload.key.set(key);
        step.payload.part.set(part);
        step.payload.last.set(blockLast);
        step.payload.lastOfHead.set(headLast);
        cmd.ready.set(state.is(State.IDLE).or(step.fire().and(headLast)));

        when(step.fire(), () -> {
            when(partLast.not(), () -> part.set(part.plus(U(1, cfg.partWidth()))))
                    .otherwise(() -> {
                        part.set(U(0, cfg.partWidth()));
                        when(kcLast.not(), () -> {
                            kc.set(kc.plus(U(1, cfg.kcWidth())));
                            key.set(mux(keyWrap, U(0, cfg.tokenWidth()), key.plus(U(1, cfg.tokenWidth()))));
                        }).otherwise(() -> {
                            kc.set(U(0, cfg.kcWidth()));
                            base.set(nextBase.resize(cfg.tokenWidth()));
                            key.set(nextBase.resize(cfg.tokenWidth()));
                            nq.set(nextNq);
                        });
                    });
            when(headLast, () -> state.set(E(State.IDLE)));
        });
        when(cmd.fire(), () -> {
            UInt t = cmd.payload.tokens;
            state.set(E(State.RUN));
            head.set(cmd.payload.head);
            tokens.set(t);
            base.set(U(0, cfg.tokenWidth()));
            key.set(U(0, cfg.tokenWidth()));
            kc.set(U(0, cfg.kcWidth()));
            part.set(U(0, cfg.partWidth()));
            nq.set(mux(t.resize(w).gt(U(p, w)), U(p, cfg.nqWidth()), t.resize(cfg.nqWidth())));
        });
    }
}
