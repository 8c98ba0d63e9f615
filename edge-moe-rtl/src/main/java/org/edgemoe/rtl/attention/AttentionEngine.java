package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.HwOps;

/**
 * Attention of one head per command, O = softmax(Q K^T / 8) V, bit-exact to {@link HwOps#attentionHead}
 * (staggered key order, see {@code AttentionUnit}), with Edge-MoE's constant-bandwidth query staggering:
 * P query lanes work on a block of P queries; per cycle at most one K-or-V beat and one Q beat are read and
 * shared by all lanes, so buffer bandwidth does not grow with P. Normalisation is fused into A.V: each
 * row's scores are stored once and read once.
 *
 * <p>Ports: {@code io_cmd} ({@link AttnCmd}: head, tokens); request / response streams onto the Q, K and
 * V buffers: {@code io_qReq}, {@code io_kReq}, {@code io_vReq} ({@link AttnReadReq}) answered in order by
 * {@code io_qResp}, {@code io_kResp}, {@code io_vResp} ({@link AttnBeat}); {@code io_out}
 * ({@link AttnRow}, one row per query, token order); {@code io_error}: sticky, set by a command with
 * tokens = 0, tokens &gt; T_max or head &gt;= heads (the command is dropped, nothing is read).
 */
public final class AttentionEngine extends Module {
    public final Stream<AttnCmd> cmd;
    public final Stream<AttnReadReq> qReq;
    public final Stream<AttnReadReq> kReq;
    public final Stream<AttnReadReq> vReq;
    public final Stream<AttnBeat> qResp;
    public final Stream<AttnBeat> kResp;
    public final Stream<AttnBeat> vResp;
    public final Stream<AttnRow> out;
    public final Bool error = out(Bool());

    /** The default configuration ({@link AttnConfig#DEFAULT}). */
    public AttentionEngine() {
        this(AttnConfig.DEFAULT);
    }

    public AttentionEngine(AttnConfig cfg) {
        param("PROFILE", cfg.formats().name());
        param("LANES", cfg.lanes());
        param("L", cfg.beat());
        param("HEAD_DIM", cfg.headDim());
        param("T_MAX", cfg.tMax());
        param("HEADS", cfg.heads());
        cmd = slave(new Stream<>(new AttnCmd(cfg)));
        qReq = master(new Stream<>(new AttnReadReq(cfg)));
        kReq = master(new Stream<>(new AttnReadReq(cfg)));
        vReq = master(new Stream<>(new AttnReadReq(cfg)));
        qResp = slave(new Stream<>(new AttnBeat(cfg)));
        kResp = slave(new Stream<>(new AttnBeat(cfg)));
        vResp = slave(new Stream<>(new AttnBeat(cfg)));
        out = master(new Stream<>(new AttnRow(cfg)));

        // ---- commands: bad ones set the error flag and are dropped ----
        int cw = cfg.countWidth();
        Bool bad = cmd.payload.tokens.eq(U(0, cw)).or(cmd.payload.tokens.gt(U(cfg.tMax(), cw)))
                .or(cmd.payload.head.resize(cfg.headWidth() + 1).ge(U(cfg.heads(), cfg.headWidth() + 1))).named("badCmd");
        Bool err = reg(Bool()).init(false).named("errorR");
        when(cmd.valid.and(bad), () -> err.set(true));
        error.set(err);
        List<Stream<AttnCmd>> copies = cmd.throwWhen(bad).fork(6);
        AttnSequencer qSeq = sequencer(cfg, AttnSequencer.Mode.QUERIES, copies.get(0));
        AttnSequencer kReqSeq = sequencer(cfg, AttnSequencer.Mode.KEYS, copies.get(1));
        AttnSequencer vReqSeq = sequencer(cfg, AttnSequencer.Mode.KEYS, copies.get(2));
        AttnSequencer kSeq = sequencer(cfg, AttnSequencer.Mode.KEYS, copies.get(3));
        AttnSequencer vSeq = sequencer(cfg, AttnSequencer.Mode.KEYS, copies.get(4));
        AttnSequencer pSeq = sequencer(cfg, AttnSequencer.Mode.PROBS, copies.get(5));
        qReq.driveFrom(request(cfg, qSeq.step));
        kReq.driveFrom(request(cfg, kReqSeq.step));
        vReq.driveFrom(request(cfg, vReqSeq.step));

        AttnController ctl = instance(new AttnController(cfg));
        LaneArray lanes = instance(new LaneArray(cfg));
        AttnDrain drain = instance(new AttnDrain(cfg));
        ctl.kStep.driveFrom(kSeq.step);
        ctl.vStep.driveFrom(vSeq.step);
        ctl.pStep.driveFrom(pSeq.step);
        ctl.qResp.driveFrom(qResp);
        ctl.kResp.driveFrom(kResp);
        ctl.vResp.driveFrom(vResp);
        ctl.en.set(lanes.ready);
        ctl.statsValid.set(lanes.statsValid);
        ctl.probIn.set(lanes.prob);
        ctl.full.set(lanes.full);
        lanes.en.set(lanes.ready);
        lanes.fireQk.set(ctl.fireQk);
        lanes.kcF.set(ctl.kcF);
        lanes.partF.set(ctl.partF);
        lanes.qBeat.set(ctl.qBeat);
        lanes.s0Valid.set(ctl.s0Valid);
        lanes.s0Qk.set(ctl.s0Qk);
        lanes.s0Kc.set(ctl.s0Kc);
        lanes.s0Part.set(ctl.s0Part);
        lanes.s0Key.set(ctl.s0Key);
        lanes.s0Tokens.set(ctl.s0Tokens);
        lanes.s0Nq.set(ctl.s0Nq);
        lanes.s0Data.set(ctl.s0Data);
        lanes.s0Prob.set(ctl.s0Prob);
        lanes.pIssue.set(ctl.pIssue);
        lanes.pKc.set(ctl.pKc);
        lanes.pKey.set(ctl.pKey);
        lanes.release.set(drain.release);
        drain.acc.set(lanes.acc);
        drain.full.set(lanes.full);
        drain.tagLoad.set(ctl.tagLoad);
        drain.tagLane.set(ctl.tagLane);
        drain.tagHead.set(ctl.tagHead);
        drain.tagToken.set(ctl.tagToken);
        drain.tagLastOfBlock.set(ctl.tagLastOfBlock);
        drain.tagLastOfHead.set(ctl.tagLastOfHead);
        out.driveFrom(drain.out);
    }

    private static AttnSequencer sequencer(AttnConfig cfg, AttnSequencer.Mode mode, Stream<AttnCmd> cmds) {
        AttnSequencer s = instance(new AttnSequencer(cfg, mode));
        s.cmd.driveFrom(cmds.queue(2));
        return s;
    }

    private static Stream<AttnReadReq> request(AttnConfig cfg, Stream<AttnStep> steps) {
        AttnReadReq r = wire(new AttnReadReq(cfg));
        r.head.set(steps.payload.head);
        r.token.set(steps.payload.key);
        r.part.set(steps.payload.part);
        return steps.translateWith(r);
    }
}
