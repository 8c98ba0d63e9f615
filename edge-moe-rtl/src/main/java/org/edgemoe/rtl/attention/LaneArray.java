package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * P {@link QueryLane}s side by side (wiring only, like the compute unit's Mesh): every lane sees the same
 * K or V beat, the same query beat and the same control; lane o is told its index o. {@code ready} is
 * high when every lane's softmax pass can take a score (the pipeline enable).
 */
public final class LaneArray extends Module {
    public final Bool en = in(Bool());
    public final Bool fireQk = in(Bool());
    public final UInt kcF;
    public final UInt partF;
    public final Vec<SInt> qBeat;
    public final Bool s0Valid = in(Bool());
    public final Bool s0Qk = in(Bool());
    public final UInt s0Kc;
    public final UInt s0Part;
    public final UInt s0Key;
    public final UInt s0Tokens;
    public final UInt s0Nq;
    public final Vec<SInt> s0Data;
    public final Vec<UInt> s0Prob;
    public final Bool pIssue = in(Bool());
    public final UInt pKc;
    public final UInt pKey;
    public final Vec<Bool> release;
    public final Bool ready = out(Bool());
    public final Vec<Bool> statsValid;
    public final Vec<UInt> prob;
    public final Vec<Vec<SInt>> acc;
    public final Vec<Bool> full;

    public LaneArray(AttnConfig cfg) {
        int p = cfg.lanes();
        int aw = cfg.actWidth();
        param("LANES", p);
        param("L", cfg.beat());
        param("PROFILE", cfg.formats().name());
        kcF = in(UInt(cfg.kcWidth()));
        partF = in(UInt(cfg.partWidth()));
        qBeat = in(Vec(cfg.beat(), SInt(aw)));
        s0Kc = in(UInt(cfg.kcWidth()));
        s0Part = in(UInt(cfg.partWidth()));
        s0Key = in(UInt(cfg.tokenWidth()));
        s0Tokens = in(UInt(cfg.countWidth()));
        s0Nq = in(UInt(cfg.nqWidth()));
        s0Data = in(Vec(cfg.beat(), SInt(aw)));
        s0Prob = in(Vec(p, UInt(cfg.probFrac() + 1)));
        pKc = in(UInt(cfg.kcWidth()));
        pKey = in(UInt(cfg.tokenWidth()));
        release = in(Vec(p, Bool()));
        statsValid = out(Vec(p, Bool()));
        prob = out(Vec(p, UInt(cfg.probFrac() + 1)));
        acc = out(Vec(p, Vec(cfg.headDim(), SInt(cfg.accWidth()))));
        full = out(Vec(p, Bool()));

        Bool all = B(true);
        for (int o = 0; o < p; o++) {
            QueryLane lane = instance(new QueryLane(cfg));
            lane.index.set(U(o, cfg.laneWidth()));
            lane.en.set(en);
            lane.fireQk.set(fireQk);
            lane.kcF.set(kcF);
            lane.partF.set(partF);
            lane.qBeat.set(qBeat);
            lane.s0Valid.set(s0Valid);
            lane.s0Qk.set(s0Qk);
            lane.s0Kc.set(s0Kc);
            lane.s0Part.set(s0Part);
            lane.s0Key.set(s0Key);
            lane.s0Tokens.set(s0Tokens);
            lane.s0Nq.set(s0Nq);
            lane.s0Data.set(s0Data);
            lane.s0Prob.set(s0Prob.get(o));
            lane.pIssue.set(pIssue);
            lane.pKc.set(pKc);
            lane.pKey.set(pKey);
            lane.release.set(release.get(o));
            statsValid.get(o).set(lane.statsValid);
            prob.get(o).set(lane.prob);
            acc.get(o).set(lane.acc);
            full.get(o).set(lane.full);
            all = all.and(lane.ready);
        }
        ready.set(all);
    }
}
