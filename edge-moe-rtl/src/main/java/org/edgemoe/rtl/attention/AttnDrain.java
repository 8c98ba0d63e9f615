package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;

/**
 * Sends the lanes' finished rows out in lane order (= token order): lane {@code next} is offered when its
 * row is {@code full}; on the transfer its accumulators are narrowed to act (the profile's rounding and
 * overflow), the lane is released, and {@code next} moves on (back to 0 after the block's last lane). Each
 * lane's row identity (head, token, last-of-block, last-of-head) is recorded by {@code tagLoad} when its
 * window starts. Output registered (one stream stage).
 */
public final class AttnDrain extends Module {
    public final Vec<Vec<SInt>> acc;
    public final Vec<Bool> full;
    public final Vec<Bool> release;
    public final Bool tagLoad = in(Bool());
    public final UInt tagLane;
    public final UInt tagHead;
    public final UInt tagToken;
    public final Bool tagLastOfBlock = in(Bool());
    public final Bool tagLastOfHead = in(Bool());
    public final Stream<AttnRow> out;

    public AttnDrain(AttnConfig cfg) {
        int p = cfg.lanes();
        int lw = cfg.laneWidth();
        param("LANES", p);
        param("PROFILE", cfg.formats().name());
        acc = in(Vec(p, Vec(cfg.headDim(), SInt(cfg.accWidth()))));
        full = in(Vec(p, Bool()));
        release = out(Vec(p, Bool()));
        tagLane = in(UInt(lw));
        tagHead = in(UInt(cfg.headWidth()));
        tagToken = in(UInt(cfg.tokenWidth()));
        out = master(new Stream<>(new AttnRow(cfg)));

        Vec<UInt> head = reg(Vec(p, UInt(cfg.headWidth()))).named("tagHeadR");
        Vec<UInt> token = reg(Vec(p, UInt(cfg.tokenWidth()))).named("tagTokenR");
        Vec<Bool> lastBlock = reg(Vec(p, Bool())).named("tagLastBlockR");
        Vec<Bool> lastHead = reg(Vec(p, Bool())).named("tagLastHeadR");
        when(tagLoad, () -> {
            head.write(tagLane, tagHead);
            token.write(tagLane, tagToken);
            lastBlock.write(tagLane, tagLastOfBlock);
            lastHead.write(tagLane, tagLastOfHead);
        });

        UInt next = reg(UInt(lw)).init(0).named("next");
        Vec<SInt> row = acc.read(next);
        Stream<AttnRow> offer = wire(new Stream<>(new AttnRow(cfg)));
        offer.valid.set(full.read(next));
        offer.payload.head.set(head.read(next));
        offer.payload.token.set(token.read(next));
        offer.payload.last.set(lastHead.read(next));
        for (int c = 0; c < cfg.headDim(); c++) {
            Fix a = Fix.fromRaw(cfg.acc(), row.get(c));
            offer.payload.value.get(c).set(a.resize(cfg.act(), cfg.formats().rounding(), cfg.formats().overflow()));
        }
        Bool taken = offer.fire().named("taken");
        for (int o = 0; o < p; o++) {
            release.get(o).set(taken.and(next.eq(U(o, lw))));
        }
        Bool wrap = lastBlock.read(next).named("wrap");
        when(taken, () -> next.set(mux(wrap, U(0, lw), next.plus(U(1, lw)))));
        out.driveFrom(offer.stage());
    }
}
