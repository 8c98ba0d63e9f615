package org.edgemoe.rtl.layernorm;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.hdl.lib.Utils;

/**
 * The LayerNorm unit, bit-exact to {@code HwOps.layerNorm} (the model's {@code LayerNormUnit}) in every
 * profile, streaming one beat of L lanes per cycle, tokens back to back.
 *
 * <p>Dataflow. A command ({@link LnCmd}: gamma/beta set, token count) admits its tokens' beats from
 * {@code x} (D / L beats a token, lane k = element beat * L + k, resid format). Each beat is written into a
 * token ring buffer ({@link #slots} tokens) and, in the same cycle, enters {@link LnStatistics} (sum, sum of
 * floored squares, exact division by D, variance, rsqrt: a fixed-latency pipeline). A token's statistics
 * land in a FIFO with one entry per ring slot; the normaliser then reads the token's beats back from the
 * ring and its gamma/beta beats from the parameter memory and sends them through L {@link LnLane}s to
 * {@code y} ({@link LnOut}, act format, {@code last} on each token's final beat). While token t is
 * normalised, tokens t + 1 .. are arriving and in statistics: the ring holds enough tokens
 * (2 + ceil((statistics latency + 2) / beats)) that the input never waits at full rate, so a token costs
 * D / L cycles in steady state.
 *
 * <p>Back-pressure: {@code y} not ready stalls the normaliser (one enable on its stages and reads); the ring
 * then fills and {@code x} is held off. The statistics pipeline never stalls (its results fit the FIFO).
 * Gamma/beta: {@code param} writes one {@link LnParamWrite} per cycle (always ready) into the on-chip
 * memory of {@code sets} x D / L beats; a set must not be rewritten while a command using it runs.
 */
public final class LayerNorm extends Module {
    public final Stream<LnCmd> cmd;
    public final Stream<Vec<Fix>> x;
    public final Stream<LnParamWrite> param;
    public final Stream<LnOut> y;
    /** High while a command is queued or tokens are in the unit. */
    public final Bool busy = out(Bool());
    public final int slots;
    private final LnConfig cfg;

    public LayerNorm() {
        this(LnConfig.defaults());
    }

    public LayerNorm(LnConfig cfg) {
        this.cfg = cfg;
        int lanes = cfg.lanes();
        int beats = cfg.beats();
        int w = cfg.xWidth();
        slots = 2 + (LnStatistics.LATENCY + 2 + beats - 1) / beats;
        param("PROFILE", cfg.formats().name());
        param("DIM", cfg.dim());
        param("LANES", lanes);
        param("SETS", cfg.sets());
        param("SLOTS", slots);
        cmd = slave(new Stream<>(new LnCmd(cfg.setWidth())));
        x = slave(new Stream<>(Vec(lanes, Fix(cfg.in()))));
        param = slave(new Stream<>(new LnParamWrite(cfg)));
        y = master(new Stream<>(new LnOut(lanes, cfg.out())));

        int bw = log2Up(beats);
        int ringDepth = slots * beats;
        int rw = log2Up(ringDepth);
        int pw = cfg.paramAddrWidth();
        int uw = log2Up(slots + 1);

        // ---------------- parameter memory ----------------
        Mem<Bits> params = mem(Bits(lanes * (cfg.gamma().width() + cfg.beta().width())), cfg.paramDepth());
        param.ready.set(B(true));
        when(param.valid, () -> params.write(param.payload.addr, cat(param.payload.beta.toBits(), param.payload.gamma.toBits())));

        // ---------------- input side: command, ring writes, statistics ----------------
        StreamFifo<LnCmd> cq = instance(new StreamFifo<>(new LnCmd(cfg.setWidth()), 2));
        cq.push.driveFrom(cmd);
        Bool inActive = reg(Bool()).init(false).named("inActive");
        UInt inLeft = reg(UInt(LnCmd.TOKENS_WIDTH)).init(0).named("inLeft");
        UInt inBase = reg(UInt(pw)).init(0).named("inBase");
        UInt wBeat = reg(UInt(bw)).init(0).named("wBeat");
        UInt wAddr = reg(UInt(rw)).init(0).named("wAddr");
        UInt used = reg(UInt(uw)).init(0).named("used");
        cq.pop.ready.set(inActive.not());
        when(cq.pop.fire(), () -> {
            inActive.set(cq.pop.payload.tokens.ne(0));
            inLeft.set(cq.pop.payload.tokens);
            inBase.set(cq.pop.payload.set.times(U(beats, log2Up(beats + 1))).resize(pw));
        });
        Bool firstBeat = wBeat.eq(0).named("firstBeat");
        Bool lastBeat = wBeat.eq(beats - 1).named("lastBeat");
        x.ready.set(inActive.and(firstBeat.not().or(used.lt(U(slots, uw)))));
        Mem<Bits> ring = mem(Bits(lanes * w), ringDepth);
        when(x.fire(), () -> {
            ring.write(wAddr, x.payload.toBits());
            wAddr.set(mux(wAddr.eq(ringDepth - 1), U(0, rw), wAddr.plus(1)));
            wBeat.set(mux(lastBeat, U(0, bw), wBeat.plus(1)));
            when(lastBeat, () -> {
                inLeft.set(inLeft.minus(1));
                when(inLeft.eq(1), () -> inActive.set(false));
            });
        });
        LnStatistics st = instance(new LnStatistics(cfg));
        st.inValid.set(x.fire());
        st.first.set(firstBeat);
        st.last.set(lastBeat);
        st.x.set(x.payload);

        StreamFifo<LnTokenStats> sq = instance(new StreamFifo<>(
                new LnTokenStats(w, st.mantissa.width(), st.shift.width(), pw), slots));
        sq.push.valid.set(st.outValid);
        sq.push.payload.mean.set(st.mean);
        sq.push.payload.mantissa.set(st.mantissa);
        sq.push.payload.shift.set(st.shift);
        sq.push.payload.paramBase.set(Utils.Delay(inBase, LnStatistics.LATENCY));

        // ---------------- normaliser: ring and parameter reads, lanes ----------------
        Bool en = wire(Bool()).named("en");
        UInt rBeat = reg(UInt(bw)).init(0).named("rBeat");
        UInt rAddr = reg(UInt(rw)).init(0).named("rAddr");
        LnTokenStats head = sq.pop.payload;
        Bool issue = sq.pop.valid.and(en).named("issue");
        Bool rLast = rBeat.eq(beats - 1).named("rLast");
        sq.pop.ready.set(issue.and(rLast));
        when(issue, () -> {
            rAddr.set(mux(rAddr.eq(ringDepth - 1), U(0, rw), rAddr.plus(1)));
            rBeat.set(mux(rLast, U(0, bw), rBeat.plus(1)));
        });
        Bool claim = x.fire().and(firstBeat);
        Bool free = sq.pop.fire();
        when(claim.and(free.not()), () -> used.set(used.plus(1)))
                .elsewhen(free.and(claim.not()), () -> used.set(used.minus(1)));
        Bits xWord = ring.readSync(rAddr, en).named("xWord");
        Bits pWord = params.readSync(head.paramBase.plus(rBeat.resize(pw)), en).named("pWord");
        Bool vR = reg(Bool()).init(false).named("vRead");
        Bool lastR = regNextWhen(rLast, en).named("lastRead");
        SInt meanR = regNextWhen(head.mean, en).named("meanRead");
        UInt mantR = regNextWhen(head.mantissa, en).named("mantRead");
        UInt shR = regNextWhen(head.shift, en).named("shiftRead");
        when(en, () -> vR.set(issue));

        int gw = cfg.gamma().width();
        int bwid = cfg.beta().width();
        for (int k = 0; k < lanes; k++) {
            LnLane lane = instance(new LnLane(cfg, st.minShift, st.shift.width()));
            lane.en.set(en);
            lane.x.set(xWord.slice(w * k + w - 1, w * k).asSInt());
            lane.mean.set(meanR);
            lane.mantissa.set(mantR);
            lane.shift.set(shR);
            lane.gamma.set(Fix.fromRaw(cfg.gamma(), pWord.slice(gw * k + gw - 1, gw * k)));
            int bo = lanes * gw + bwid * k;
            lane.beta.set(Fix.fromRaw(cfg.beta(), pWord.slice(bo + bwid - 1, bo)));
            y.payload.value.get(k).set(lane.y);
        }
        List<Bool> valids = new ArrayList<>();
        Bool prev = vR;
        Bool last = lastR;
        for (int s = 0; s < LnLane.LATENCY; s++) {
            Bool vn = reg(Bool()).init(false).named("vLane" + s);
            Bool p = prev;
            when(en, () -> vn.set(p));
            valids.add(vn);
            prev = vn;
            last = regNextWhen(last, en).named("lastLane" + s);
        }
        Bool vOut = valids.get(valids.size() - 1);
        en.set(vOut.not().or(y.ready));
        y.valid.set(vOut);
        y.payload.last.set(last);

        Bool anyValid = vR;
        for (Bool b : valids) {
            anyValid = anyValid.or(b);
        }
        busy.set(inActive.or(cq.pop.valid).or(used.ne(0)).or(anyValid));
    }

    public LnConfig config() {
        return cfg;
    }

    /** Enabled cycles from a beat's read issue to its output (ring read + lane stages). */
    public static int normaliseLatency() {
        return 1 + LnLane.LATENCY;
    }
}
