package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.lib.ShiftRegister;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.gelu.GeluLane;
import org.edgemoe.rtl.gelu.GeluTable;

/**
 * The compute unit's output pipeline, from the accumulator's finished sums to {@code y}: N (narrowing to act and
 * resid with the profile's rounding and overflow: {@code narAct_<c>}, {@code narRes_<c>}) -> the GELU lanes
 * ({@link GeluLane}, pipelined, {@link GeluLane#LATENCY} stages; the narrowed values and the flags travel alongside
 * in {@code gel*}) -> O (act, GELU or resid: {@code y_<c>}) -> F ({@code yFinal}: the O value, or for an expert beat
 * the scale-accumulate dest + floor(p * y / 2^P) with the {@code dest} beat, joined at O -> F). {@code y} is the F
 * register. The stage owns the unit's back-pressure: {@code en} = F free (empty, or taken this cycle) and (O holds
 * no expert beat, or dest is valid); every register of the unit advances on it. {@code dest.ready} does not depend
 * on {@code dest.valid}; a y beat taken while {@code en} is low still empties F. Lane c is column c throughout.
 */
public final class OutputStage extends Module {
    public final Bool in_valid = in(Bool());
    public final Vec<SInt> in_sum;
    public final OutMode in_mode = in(new OutMode());
    public final Stream<DestBeat> dest;
    public final Stream<YBeat> y;
    /** The unit's enable. */
    public final Bool en = out(Bool());
    /** High while any stage holds a beat. */
    public final Bool busy = out(Bool());

    public OutputStage(CuConfig cfg) {
        Formats f = cfg.formats();
        int cols = cfg.cols();
        int ow = cfg.outWidth();
        int rw = cfg.residWidth();
        FixFormat act = f.act();
        FixFormat resid = f.resid();
        param("COLS", cols);
        param("PROFILE", f.name());
        in_sum = in(Vec(cols, SInt(cfg.accWidth())));
        dest = slave(new Stream<>(new DestBeat(cfg)));
        y = master(new Stream<>(new YBeat(cfg)));
        Bool enable = wire(Bool()).named("enable");

        // N: narrowing (rounding, saturation)
        Bool vN = ShiftRegister.delay(in_valid, 1, enable, B(false), "narValid");
        OutMode modeN = in_mode.delayed(1, enable, "nar");
        // fused GELU: the GELU unit's own lane, pipelined; the narrowed values and flags are delayed alongside
        int gl = GeluLane.LATENCY;
        List<Bool> gelValids = ShiftRegister.history(vN, gl, enable, B(false), "gelValid");
        OutMode modeG = modeN.delayed(gl, enable, "gel");
        // O: the plain output value
        Bool vO = ShiftRegister.delay(gelValids.get(gl - 1), 1, enable, B(false), "outValid");
        Bool expertO = ShiftRegister.delay(modeG.expert, 1, enable, B(false), "outExpert");
        // F (the output): plain, or the expert scale-accumulate with the dest beat
        YBeat yF = reg(new YBeat(cfg)).named("yFinal");
        for (int c = 0; c < cols; c++) {
            SInt yLane = yF.lanes.get(c);
            Fix sum = Fix.fromRaw(f.acc(), in_sum.get(c));
            SInt actN = regNextWhen(sum.resize(act, f.rounding(), f.overflow()).rawSInt(), enable).named("narAct_" + c);
            SInt resN = regNextWhen(sum.resize(resid, f.rounding(), f.overflow()).rawSInt(), enable).named("narRes_" + c);
            GeluLane lane = instance(new GeluLane(f, act, act, GeluTable.published(), true));
            lane.en.set(enable);
            lane.x.set(Fix.fromRaw(act, actN));
            SInt a = mux(modeG.gelu, lane.y.rawSInt(), ShiftRegister.delay(actN, gl, enable, "gelAct_" + c));
            SInt resG = ShiftRegister.delay(resN, gl, enable, "gelRes_" + c);
            SInt yO = regNextWhen(mux(modeG.resid, resG.resize(ow), a.resize(ow)), enable).named("y_" + c);
            SInt sa = scaleAccumulate(dest.payload.resid.get(c).rawSInt(), yO.resize(rw), dest.payload.score.rawSInt(), f);
            when(enable, () -> yLane.set(mux(expertO, sa.resize(ow), yO)));
        }
        Bool vF = reg(Bool()).init(false).named("finalValid");
        // a beat taken while the pipeline waits for dest (en low) still leaves the F register
        when(enable, () -> vF.set(vO)).elsewhen(y.ready, () -> vF.set(B(false)));
        y.payload.set(yF);
        y.valid.set(vF);
        Bool outFree = vF.not().or(y.ready).named("outFree");
        dest.ready.set(vO.and(expertO).and(outFree));
        enable.set(outFree.and(vO.and(expertO).not().or(dest.valid)));
        en.set(enable);
        busy.set(vN.or(ShiftRegister.any(gelValids)).or(vO).or(vF));
    }

    /** HwOps.scaleAccumulate: dest + floor(p * y / 2^P), fitted to the resid format with the profile's overflow. */
    private static SInt scaleAccumulate(SInt dest, SInt y, SInt p, Formats f) {
        FixFormat resid = f.resid();
        int rf = resid.fracBits();
        int pf = f.prob().fracBits();
        SInt py = p.times(y); // pf + rf fraction bits
        Fix scaled = Fix.fromRaw(FixFormat.ofWidth(true, py.width(), pf + rf), py)
                .resize(FixFormat.ofWidth(true, py.width() - pf, rf), Rounding.TRUNCATE, Overflow.WRAP);
        return Fix.fromRaw(resid, dest).plus(scaled).resize(resid, Rounding.TRUNCATE, f.overflow()).rawSInt();
    }
}
