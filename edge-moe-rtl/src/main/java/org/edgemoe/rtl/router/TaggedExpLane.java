package org.edgemoe.rtl.router;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.ShiftRegister;
import org.edgemoe.rtl.common.ExpNegLane;
import org.edgemoe.rtl.common.Resets;

/**
 * The router's one exp(-t) lane, shared by the softmax scan and the probability step: an argument {@code t} with
 * its {@link ExpTag} goes into the input registers when {@code valid} (which hold otherwise), through the free
 * running {@link ExpNegLane} of {@code latency} stages, and leaves as {@code e} with {@code out_valid} and
 * {@code out_tag} {@code latency + 1} cycles later. The valid line is reset; the tags are data.
 */
public final class TaggedExpLane extends Module {
    public final Bool valid = in(Bool());
    public final UInt t;
    public final ExpTag tag;
    public final Bool out_valid = out(Bool());
    public final UInt e;
    public final ExpTag out_tag;

    public TaggedExpLane(RouterConfig cfg, int latency) {
        int tw = cfg.formats().act().width() + 1;
        int p = cfg.p();
        param("LATENCY", latency);
        t = in(UInt(tw));
        tag = in(new ExpTag(cfg.rankBits()));
        e = out(UInt(p + 1));
        out_tag = out(new ExpTag(cfg.rankBits()));

        UInt arg = regNextWhen(t, valid).init(0).named("expArg");
        Bool inValid = regNext(valid).init(false).named("expInValid");
        ExpTag inTag = Resets.zero(regNextWhen(tag, valid).named("expIn"));
        ExpNegLane lane = instance(new ExpNegLane(tw, cfg.formats().act().fracBits(), p, cfg.formats().rounding(), latency));
        lane.t.set(arg);
        lane.en.set(B(true));
        e.set(lane.e);
        out_valid.set(ShiftRegister.delay(inValid, latency, null, B(false), "expValid"));
        out_tag.set(ShiftRegister.delay(inTag, latency, null, "expTag"));
    }
}
