package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.HdlEnum;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;

/**
 * The engine's controller: decides each cycle which beat enters the lanes. Phase {@link Phase#QK}: a K
 * response with its step (and, for kc &lt; nq, the query beat of lane kc) fires when the pipeline is
 * enabled; the block's last key beat switches to {@link Phase#AV}, whose V responses fire together with
 * the block's next probability vector, unless lane kc is starting its window while its previous row is
 * still waiting to be drained. The last V beat switches back. So the K/V buffers see at most one beat a
 * cycle and the Q buffer at most one, whatever P is. The fired beat is registered (S0) for every lane.
 *
 * <p>Probability issue (runs ahead, overlapping the Q.K^T tail): one step per key of the block, when the
 * probability FIFO has room (credit counted from issue to pop) and, for kc &lt; nq, lane kc's softmax
 * statistics are ready (lane kc latches them with this issue). Vectors enter the FIFO
 * {@link QueryLane#PROB_LATENCY} cycles later. {@code tag*} records each lane's output row identity when
 * its A.V window starts.
 */
public final class AttnController extends Module {
    /** Which of the two matrix products the K/V port is serving. */
    public enum Phase { QK, AV }

    public static final int PROB_FIFO_DEPTH = 8;
    public final Stream<AttnStep> kStep;
    public final Stream<AttnStep> vStep;
    public final Stream<AttnStep> pStep;
    public final Stream<AttnBeat> qResp;
    public final Stream<AttnBeat> kResp;
    public final Stream<AttnBeat> vResp;
    public final Bool en = in(Bool());
    public final Vec<Bool> statsValid;
    public final Vec<UInt> probIn;
    public final Vec<Bool> full;
    public final Bool fireQk = out(Bool());
    public final UInt kcF;
    public final UInt partF;
    public final Vec<SInt> qBeat;
    public final Bool s0Valid = out(Bool());
    public final Bool s0Qk = out(Bool());
    public final UInt s0Kc;
    public final UInt s0Part;
    public final UInt s0Key;
    public final UInt s0Tokens;
    public final UInt s0Nq;
    public final Vec<SInt> s0Data;
    public final Vec<UInt> s0Prob;
    public final Bool pIssue = out(Bool());
    public final UInt pKc;
    public final UInt pKey;
    public final Bool tagLoad = out(Bool());
    public final UInt tagLane;
    public final UInt tagHead;
    public final UInt tagToken;
    public final Bool tagLastOfBlock = out(Bool());
    public final Bool tagLastOfHead = out(Bool());

    public AttnController(AttnConfig cfg) {
        int p = cfg.lanes();
        int lw = cfg.laneWidth();
        int pw = cfg.probFrac() + 1;
        param("LANES", p);
        param("PARTS", cfg.parts());
        kStep = slave(new Stream<>(new AttnStep(cfg)));
        vStep = slave(new Stream<>(new AttnStep(cfg)));
        pStep = slave(new Stream<>(new AttnStep(cfg)));
        qResp = slave(new Stream<>(new AttnBeat(cfg)));
        kResp = slave(new Stream<>(new AttnBeat(cfg)));
        vResp = slave(new Stream<>(new AttnBeat(cfg)));
        statsValid = in(Vec(p, Bool()));
        probIn = in(Vec(p, UInt(pw)));
        full = in(Vec(p, Bool()));
        kcF = out(UInt(cfg.kcWidth()));
        partF = out(UInt(cfg.partWidth()));
        qBeat = out(Vec(cfg.beat(), SInt(cfg.actWidth())));
        s0Kc = out(UInt(cfg.kcWidth()));
        s0Part = out(UInt(cfg.partWidth()));
        s0Key = out(UInt(cfg.tokenWidth()));
        s0Tokens = out(UInt(cfg.countWidth()));
        s0Nq = out(UInt(cfg.nqWidth()));
        s0Data = out(Vec(cfg.beat(), SInt(cfg.actWidth())));
        s0Prob = out(Vec(p, UInt(pw)));
        pKc = out(UInt(cfg.kcWidth()));
        pKey = out(UInt(cfg.tokenWidth()));
        tagLane = out(UInt(lw));
        tagHead = out(UInt(cfg.headWidth()));
        tagToken = out(UInt(cfg.tokenWidth()));

        StreamFifo<Vec<UInt>> probs = instance(new StreamFifo<>(Vec(p, UInt(pw)), PROB_FIFO_DEPTH));
        HdlEnum<Phase> phase = reg(Enum(Phase.class)).init(Phase.QK).named("phase");

        // ---- which beat fires ----
        AttnStep k = kStep.payload;
        AttnStep v = vStep.payload;
        Bool kNeedQ = k.kc.resize(cfg.kcWidth() + 1).lt(k.nq.resize(cfg.kcWidth() + 1)).named("kNeedQ");
        Bool kGo = phase.is(Phase.QK).and(kStep.valid).and(kResp.valid).and(kNeedQ.not().or(qResp.valid)).and(en)
                .named("kGo");
        Bool vStarts = v.kc.resize(cfg.kcWidth() + 1).lt(v.nq.resize(cfg.kcWidth() + 1))
                .and(v.part.eq(U(0, cfg.partWidth()))).named("vStarts");
        Bool vBusy = vStarts.and(full.read(v.kc.resize(lw))).named("vBusy");
        Bool vPartLast = cfg.parts() == 1 ? B(true) : v.part.eq(U(cfg.parts() - 1, cfg.partWidth()));
        Bool vGo = phase.is(Phase.AV).and(vStep.valid).and(vResp.valid).and(probs.pop.valid).and(en)
                .and(vBusy.not()).named("vGo");
        kStep.ready.set(kGo);
        kResp.ready.set(kGo);
        qResp.ready.set(kGo.and(kNeedQ));
        vStep.ready.set(vGo);
        vResp.ready.set(vGo);
        probs.pop.ready.set(vGo.and(vPartLast));
        when(kGo.and(k.last), () -> phase.set(Phase.AV));
        when(vGo.and(v.last), () -> phase.set(Phase.QK));

        fireQk.set(kGo);
        kcF.set(k.kc);
        partF.set(k.part);
        for (int i = 0; i < cfg.beat(); i++) {
            qBeat.get(i).set(qResp.payload.data.get(i).rawSInt());
        }

        // ---- S0: the fired beat, for every lane ----
        Bool valid0 = reg(Bool()).init(false).named("valid0");
        when(en, () -> valid0.set(kGo.or(vGo)));
        s0Valid.set(valid0);
        s0Qk.set(regNextWhen(kGo, en).named("qk0"));
        s0Kc.set(regNextWhen(mux(kGo, k.kc, v.kc), en).named("kc0"));
        s0Part.set(regNextWhen(mux(kGo, k.part, v.part), en).named("part0"));
        s0Key.set(regNextWhen(k.key, en).named("key0"));
        s0Tokens.set(regNextWhen(mux(kGo, k.tokens, v.tokens), en).named("tokens0"));
        s0Nq.set(regNextWhen(mux(kGo, k.nq, v.nq), en).named("nq0"));
        for (int i = 0; i < cfg.beat(); i++) {
            SInt d = mux(kGo, kResp.payload.data.get(i).rawSInt(), vResp.payload.data.get(i).rawSInt());
            s0Data.get(i).set(regNextWhen(d, en).named("data0_" + i));
        }
        for (int o = 0; o < p; o++) {
            s0Prob.get(o).set(regNextWhen(probs.pop.payload.get(o), en).named("prob0_" + o));
        }

        // ---- output row identity, when lane kc starts its A.V window ----
        UInt row = v.base.resize(cfg.tokenWidth()).plus(v.kc.resize(cfg.tokenWidth())).named("rowToken");
        tagLoad.set(vGo.and(vStarts));
        tagLane.set(v.kc.resize(lw));
        tagHead.set(v.head);
        tagToken.set(row);
        tagLastOfBlock.set(v.kc.resize(cfg.nqWidth()).eq(v.nq.minus(U(1, cfg.nqWidth()))));
        tagLastOfHead.set(row.resize(cfg.countWidth()).eq(v.tokens.minus(U(1, cfg.countWidth()))));

        // ---- probability issue ----
        int cw = log2Up(PROB_FIFO_DEPTH + 1);
        UInt reserved = reg(UInt(cw)).init(0).named("reserved");
        AttnStep ps = pStep.payload;
        Bool pStarts = ps.kc.resize(cfg.kcWidth() + 1).lt(ps.nq.resize(cfg.kcWidth() + 1)).named("pStarts");
        Bool statsOk = pStarts.not().or(statsValid.read(ps.kc.resize(lw))).named("statsOk");
        Bool issue = pStep.valid.and(reserved.lt(U(PROB_FIFO_DEPTH, cw))).and(statsOk).named("issue");
        pStep.ready.set(issue);
        pIssue.set(issue);
        pKc.set(ps.kc);
        pKey.set(ps.key);
        Bool popped = probs.pop.fire();
        when(issue.and(popped.not()), () -> reserved.set(reserved.plus(U(1, cw))))
                .elsewhen(popped.and(issue.not()), () -> reserved.set(reserved.minus(U(1, cw))));
        Bool pv = issue;
        for (int s = 1; s <= QueryLane.PROB_LATENCY; s++) {
            Bool r = reg(Bool()).init(false).named("pv" + s);
            r.set(pv);
            pv = r;
        }
        probs.push.valid.set(pv);
        probs.push.payload.set(probIn);
    }
}
