package org.edgemoe.rtl.cu;

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
import org.edgemoe.hdl.lib.ShiftRegister;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Overflow;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.gelu.GeluLane;
import org.edgemoe.rtl.gelu.GeluTable;

/**
 * The unified compute unit: every linear layer y = W x + b of the backbone on a weight-stationary
 * {@code rows} x {@code cols} systolic array ({@link Mesh} of {@link PeTile}s of {@link Pe}s), with
 * bias preload, fused GELU, the expert scale-and-accumulate mode and ping-pong weights.
 *
 * <p>Dataflow. A layer is cut into tiles (output tile ot of {@code cols} outputs, input tile kt of
 * {@code rows} inputs), ot outer, kt inner. A tile's weights W[ot*cols + c][kt*rows + r] sit in PE(r, c)
 * (bank = tile number mod 2) while all T tokens stream through: x[t][kt*rows + r] enters row r (skewed
 * by r cycles), the column sums leave the bottom (de-skewed), and per column an accumulator memory
 * holds token t's running sum over the input tiles (first tile: bias + column sum, preloaded through
 * the top of the column; later tiles: acc[t] + column sum). After the last input tile the sums are
 * narrowed, optionally through GELU or the expert scale-accumulate, and leave as one beat of
 * {@code cols} outputs per token. Every product is floored to the accumulator's fraction bits and the
 * accumulator wraps, so the result equals {@code LinearUnit.linear} bit for bit (modular sums do not
 * depend on order). The next tile's weights are written into the other bank, row r no earlier than
 * the previous user of that bank has left row r, so with T >= cols tokens the array never idles.
 *
 * <p>Streams (all valid/ready): {@code cmd} ({@link CuCmd}); {@code weight} rows of {@code cols} x 16
 * bits (lane c at bits 16c+15..16c): per output tile an optional bias row, then per input tile its rows
 * r = 0..rows-1; {@code x} beats of {@code rows} act lanes, per output tile, per input tile, per token;
 * {@code dest} (expert commands only) one beat per output beat: {@code cols} resid lanes and the token's
 * gate score (prob format) in the top bits; {@code y} beats of {@code cols} lanes of max(act, resid)
 * bits (sign-extended), per output tile, per token. Back-pressure on y (or a missing dest beat) stalls
 * the whole datapath (one enable).
 */
public final class ComputeUnit extends Module {
    public final Stream<CuCmd> cmd;
    public final Stream<Bits> weight;
    public final Stream<Bits> x;
    public final Stream<Bits> dest;
    public final Stream<Bits> y;
    /** High while any command is in progress or outputs are in flight. */
    public final Bool busy = out(Bool());

    private final CuConfig cfg;

    public ComputeUnit() {
        this(CuConfig.defaults());
    }

    public ComputeUnit(CuConfig cfg) {
        this.cfg = cfg;
        Formats f = cfg.formats();
        int rows = cfg.rows();
        int cols = cfg.cols();
        int aw = cfg.actWidth();
        int accW = cfg.accWidth();
        int ow = cfg.outWidth();
        int rw = cfg.residWidth();
        int pw = cfg.probWidth();
        int ww = CuConfig.WEIGHT_WIDTH;
        param("ROWS", rows);
        param("COLS", cols);
        param("PROFILE", f.name());
        param("MAX_IN", cfg.maxInSize());
        param("MAX_OUT", cfg.maxOutSize());
        param("MAX_TOKENS", cfg.maxTokens());

        cmd = slave(new Stream<>(new CuCmd(cfg)));
        weight = slave(new Stream<>(Bits(cols * ww)));
        x = slave(new Stream<>(Bits(rows * aw)));
        dest = slave(new Stream<>(Bits(cols * rw + pw)));
        y = master(new Stream<>(Bits(cols * ow)));

        int rowBits = Integer.numberOfTrailingZeros(rows);
        int colBits = Integer.numberOfTrailingZeros(cols);
        int kTilesW = Math.max(1, cfg.inSizeWidth() - rowBits);
        int oTilesW = Math.max(1, cfg.outSizeWidth() - colBits);
        int tw = cfg.tokensWidth();
        int tiw = cfg.tokenIndexWidth();
        int gw = 4; // tile counters: only differences of at most 2 are compared

        // ---------------- the global enable: the whole datapath advances together ----------------
        Bool en = wire(Bool()).named("en");

        // ---------------- weight rows FIFO ----------------
        StreamFifo<Bits> wq = instance(new StreamFifo<>(Bits(cols * ww), cfg.weightFifoDepth()));
        wq.push.driveFrom(weight);
        Bool wqPop = wireInit(B(false)).named("wqPop");
        wq.pop.ready.set(wqPop);

        // ---------------- command split: commit sequencer, then issue sequencer ----------------
        StreamFifo<CuCmd> iq = instance(new StreamFifo<>(new CuCmd(cfg), 2));
        Bool cActive = reg(Bool()).init(false).named("cActive");
        iq.push.valid.set(cmd.valid.and(cActive.not()).and(en));
        iq.push.payload.set(cmd.payload);
        cmd.ready.set(cActive.not().and(en).and(iq.push.ready));

        // ---- commit sequencer: writes each tile's rows into the free bank ----
        UInt cKt = reg(UInt(kTilesW)).init(0).named("cKt");
        UInt cOt = reg(UInt(oTilesW)).init(0).named("cOt");
        UInt cKLast = reg(UInt(kTilesW)).init(0).named("cKLast");
        UInt cOLast = reg(UInt(oTilesW)).init(0).named("cOLast");
        Bool cHasBias = reg(Bool()).init(false).named("cHasBias");
        Bool cAttn = reg(Bool()).init(false).named("cAttn");
        Bool cRowsPhase = reg(Bool()).init(false).named("cRowsPhase");
        UInt cRow = reg(UInt(Math.max(1, rowBits))).init(0).named("cRow");
        Bool cBiasReady = reg(Bool()).init(false).named("cBiasReady");
        Bits biasStage = reg(Bits(cols * ww)).init(0).named("biasStage");
        UInt gCommit = reg(UInt(gw)).init(0).named("gCommit");     // tile being committed
        UInt gStarted = reg(UInt(gw)).init(0).named("gStarted");   // tiles whose row 0 is written
        UInt gIssue = reg(UInt(gw)).init(0).named("gIssue");       // tiles fully issued
        UInt drain0 = reg(UInt(log2Up(cols + 1))).init(0).named("drain0");
        UInt drain1 = reg(UInt(log2Up(cols + 1))).init(0).named("drain1");

        when(cmd.fire(), () -> {
            cActive.set(true);
            cKt.set(U(0, kTilesW));
            cOt.set(U(0, oTilesW));
            cKLast.set(cmd.payload.inSize.shr(rowBits).resize(kTilesW).minus(1));
            cOLast.set(cmd.payload.outSize.shr(colBits).resize(oTilesW).minus(1));
            cHasBias.set(cmd.payload.bias);
            cAttn.set(cmd.payload.attnBias);
            cBiasReady.set(false);
            cRowsPhase.set(false);
        });

        Bool needBias = cKt.eq(0).and(cHasBias).named("needBias");
        Bool stageBias = cActive.and(cRowsPhase.not()).and(needBias).and(cBiasReady.not()).and(wq.pop.valid)
                .and(en).named("stageBias");
        Bool gBank = gCommit.bit(0);
        UInt ahead = gCommit.minus(gIssue).named("ahead");
        Bool bankFree = ahead.le(1).and(mux(gBank, drain1, drain0).eq(0)).named("bankFree");
        Bool startTile = cActive.and(cRowsPhase.not()).and(needBias.not().or(cBiasReady))
                .and(wq.occupancy.ge(rows)).and(bankFree).and(en).named("startTile");
        Bool rowWrite = startTile.or(cRowsPhase.and(en)).named("rowWrite");
        UInt rowIdx = mux(startTile, U(0, cRow.width()), cRow).named("rowIdx");
        Bool lastRow = rowIdx.eq(rows - 1).named("lastRow");

        when(stageBias, () -> {
            wqPop.set(true);
            biasStage.set(wq.pop.payload);
            cBiasReady.set(true);
        });
        when(rowWrite, () -> {
            wqPop.set(true);
            cRow.set(rowIdx.plus(1));
            cRowsPhase.set(true);
            when(lastRow, () -> {
                cRowsPhase.set(false);
                cRow.set(U(0, cRow.width()));
                cBiasReady.set(false);
                gCommit.set(gCommit.plus(1));
                when(cKt.eq(cKLast), () -> {
                    cKt.set(U(0, kTilesW));
                    when(cOt.eq(cOLast), () -> cActive.set(false)).otherwise(() -> cOt.set(cOt.plus(1)));
                }).otherwise(() -> cKt.set(cKt.plus(1)));
            });
        });
        when(startTile, () -> gStarted.set(gStarted.plus(1)));

        // bias banks (already aligned to the accumulator)
        List<SInt> bias0 = new ArrayList<>();
        List<SInt> bias1 = new ArrayList<>();
        int shPlain = f.acc().fracBits() - f.weightBias().fracBits();
        int shAttn = f.acc().fracBits() - f.weightAttnBias().fracBits();
        for (int c = 0; c < cols; c++) {
            SInt b0 = reg(SInt(accW)).init(0).named("bias0_" + c);
            SInt b1 = reg(SInt(accW)).init(0).named("bias1_" + c);
            bias0.add(b0);
            bias1.add(b1);
            SInt raw = biasStage.slice(ww * c + ww - 1, ww * c).asSInt().resize(accW);
            SInt aligned = mux(cAttn, raw.shl(shAttn).resize(accW), raw.shl(shPlain).resize(accW));
            when(startTile.and(needBias), () -> {
                when(gBank, () -> b1.set(aligned)).otherwise(() -> b0.set(aligned));
            });
        }

        // ---------------- the array ----------------
        Mesh mesh = instance(new Mesh(cfg));
        mesh.en.set(en);
        mesh.w_sel.set(gBank);
        for (int r = 0; r < rows; r++) {
            mesh.w_we.get(r).set(rowWrite.and(rowIdx.eq(r)));
        }
        for (int c = 0; c < cols; c++) {
            mesh.w_data.get(c).set(wq.pop.payload.slice(ww * c + ww - 1, ww * c).asSInt());
        }

        // ---- issue sequencer: one x beat per enabled cycle into the skew ----
        Bool iActive = reg(Bool()).init(false).named("iActive");
        UInt iKt = reg(UInt(kTilesW)).init(0).named("iKt");
        UInt iOt = reg(UInt(oTilesW)).init(0).named("iOt");
        UInt iKLast = reg(UInt(kTilesW)).init(0).named("iKLast");
        UInt iOLast = reg(UInt(oTilesW)).init(0).named("iOLast");
        UInt iT = reg(UInt(tiw)).init(0).named("iT");
        UInt iTLast = reg(UInt(tiw)).init(0).named("iTLast");
        Bool iBias = reg(Bool()).init(false).named("iBias");
        Bool iResid = reg(Bool()).init(false).named("iResid");
        Bool iGelu = reg(Bool()).init(false).named("iGelu");
        Bool iExpert = reg(Bool()).init(false).named("iExpert");

        iq.pop.ready.set(iActive.not().and(en));
        when(iq.pop.fire(), () -> {
            CuCmd c = iq.pop.payload;
            iActive.set(true);
            iKt.set(U(0, kTilesW));
            iOt.set(U(0, oTilesW));
            iT.set(U(0, tiw));
            iKLast.set(c.inSize.shr(rowBits).resize(kTilesW).minus(1));
            iOLast.set(c.outSize.shr(colBits).resize(oTilesW).minus(1));
            iTLast.set(c.tokens.minus(1).resize(tiw));
            iBias.set(c.bias);
            iResid.set(c.outResid.or(c.expert));
            iGelu.set(c.gelu);
            iExpert.set(c.expert);
        });
        Bool canIssue = iActive.and(gStarted.ne(gIssue)).named("canIssue");
        x.ready.set(canIssue.and(en));
        Bool issue = x.fire().named("issue");
        Bool tileDone = issue.and(iT.eq(iTLast)).named("tileDone");
        when(issue, () -> iT.set(iT.plus(1)));
        when(en, () -> {
            when(drain0.ne(0), () -> drain0.set(drain0.minus(1)));
            when(drain1.ne(0), () -> drain1.set(drain1.minus(1)));
        });
        when(tileDone, () -> {
            iT.set(U(0, tiw));
            gIssue.set(gIssue.plus(1));
            when(gIssue.bit(0), () -> drain1.set(U(cols - 1, drain1.width())))
                    .otherwise(() -> drain0.set(U(cols - 1, drain0.width())));
            when(iKt.eq(iKLast), () -> {
                iKt.set(U(0, kTilesW));
                when(iOt.eq(iOLast), () -> iActive.set(false)).otherwise(() -> iOt.set(iOt.plus(1)));
            }).otherwise(() -> iKt.set(iKt.plus(1)));
        });

        // issue register (stage 0) and metadata
        Bool iFirst = iKt.eq(0).named("iFirst");
        Bool iLast = iKt.eq(iKLast).named("iLast");
        Bool issueBank = gIssue.bit(0);
        List<SInt> xs = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            xs.add(regNextWhen(x.payload.slice(aw * r + aw - 1, aw * r).asSInt(), en).named("xIssue_" + r));
        }
        Bool bankIssue = regNextWhen(issueBank, en).named("bankIssue");
        Bool injIssue = regNextWhen(iFirst.and(iBias), en).named("injIssue");
        // metadata: valid, t, first, last, resid, gelu, expert
        int mw = 1 + tiw + 5;
        Bits meta0 = cat(issue.asBits(), iT.asBits(), iFirst.asBits(), iLast.asBits(), iResid.asBits(),
                iGelu.asBits(), iExpert.asBits());
        // reset: the valid bit and the tags of every stage come out of reset empty
        List<Bits> meta = ShiftRegister.history(meta0, cfg.arrayLatency(), en, Bits(0, mw), "meta");

        // input skew: row r delayed r more cycles (x and bank bit)
        for (int r = 0; r < rows; r++) {
            mesh.x_in.get(r).set(ShiftRegister.delay(xs.get(r), r, en, "xSkew_" + r));
            mesh.bank_in.get(r).set(ShiftRegister.delay(bankIssue, r, en, "bSkew_" + r));
        }
        // bias injection at the top of each column, aligned with row 0's activations
        List<Bool> injChain = ShiftRegister.history(injIssue, cols - 1, en, "injChain");
        List<Bool> bankChain = ShiftRegister.history(bankIssue, cols - 1, en, "bankChain");
        for (int c = 0; c < cols; c++) {
            Bool injC = c == 0 ? injIssue : injChain.get(c - 1);
            Bool bankC = c == 0 ? bankIssue : bankChain.get(c - 1);
            SInt b = mux(bankC, bias1.get(c), bias0.get(c));
            mesh.psum_in.get(c).set(mux(injC, b, S(0, accW)));
        }
        // output de-skew: column c delayed cols-1-c cycles
        List<SInt> colSum = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            colSum.add(ShiftRegister.delay(mesh.psum_out.get(c), cols - 1 - c, en, "deskew_" + c));
        }

        // ---------------- accumulator stage ----------------
        Bits mA = meta.get(cfg.arrayLatency() - 1);
        Bits mR = meta.get(cfg.arrayLatency() - 2);
        int o = mw - 1;
        Bool aValid = mA.bit(o).named("accValid");
        UInt aT = mA.slice(o - 1, o - tiw).asUInt().named("accT");
        Bool aFirst = mA.bit(o - tiw - 1).named("accFirst");
        Bool aLast = mA.bit(o - tiw - 2).named("accLast");
        Bool aResid = mA.bit(2);
        Bool aGelu = mA.bit(1);
        Bool aExpert = mA.bit(0);
        UInt rT = mR.slice(o - 1, o - tiw).asUInt().named("readT");

        Mem<Bits> accMem = mem(Bits(cols * accW), cfg.maxTokens());
        UInt memAddrR = rT.resize(log2Up(cfg.maxTokens()));
        UInt memAddrW = aT.resize(log2Up(cfg.maxTokens()));
        Bits accRead = accMem.readSync(memAddrR, en).named("accRead");
        Bool accWrite = en.and(aValid).and(aLast.not()).named("accWrite");
        List<SInt> sums = new ArrayList<>();
        Bits sumBits = wire(Bits(cols * accW)).named("sumBits");
        Bool bypass = regNextWhen(accWrite.and(rT.eq(aT)), en).init(false).named("bypass");
        Bits bypassData = regNextWhen(sumBits, en).named("bypassData");
        Bits prevBits = mux(bypass, bypassData, accRead);
        for (int c = 0; c < cols; c++) {
            SInt prev = prevBits.slice(accW * c + accW - 1, accW * c).asSInt();
            SInt s = mux(aFirst, S(0, accW), prev).plus(colSum.get(c));
            sums.add(s);
        }
        List<Bits> sumParts = new ArrayList<>();
        for (int c = cols - 1; c >= 0; c--) {
            sumParts.add(sums.get(c).asBits());
        }
        sumBits.set(cat(sumParts.toArray(new Bits[0])));
        when(accWrite, () -> accMem.write(memAddrW, sumBits));

        // A register: finished sums
        Bool vA = flag(aValid.and(aLast), en, "finValid");
        Bool residA = flag(aResid, en, "finResid");
        Bool geluA = flag(aGelu, en, "finGelu");
        Bool expertA = flag(aExpert, en, "finExpert");
        List<SInt> sumA = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            sumA.add(regNextWhen(sums.get(c), en).named("fin_" + c));
        }

        // narrowing into the N register (rounding, saturation)
        Bool vN = flag(vA, en, "narValid");
        Bool residN = flag(residA, en, "narResid");
        Bool geluN = flag(geluA, en, "narGelu");
        Bool expertN = flag(expertA, en, "narExpert");
        FixFormat act = f.act();
        FixFormat resid = f.resid();
        List<SInt> actN = new ArrayList<>();
        List<SInt> residNv = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            SInt s = sumA.get(c);
            Fix sum = Fix.fromRaw(f.acc(), s);
            actN.add(regNextWhen(sum.resize(act, f.rounding(), f.overflow()).rawSInt(), en).named("narAct_" + c));
            residNv.add(regNextWhen(sum.resize(resid, f.rounding(), f.overflow()).rawSInt(), en).named("narRes_" + c));
        }
        // fused GELU: the GELU unit's own lane, pipelined (GeluLane.LATENCY stages on en); the narrowed
        // values and flags are delayed alongside
        int gl = GeluLane.LATENCY;
        List<Bool> gelValids = ShiftRegister.history(vN, gl, en, B(false), "gelValid");
        Bool vG = gelValids.get(gl - 1);
        Bool residG = ShiftRegister.delay(residN, gl, en, B(false), "gelResid");
        Bool geluG = ShiftRegister.delay(geluN, gl, en, B(false), "gelGelu");
        Bool expertG = ShiftRegister.delay(expertN, gl, en, B(false), "gelExpert");
        List<SInt> actG = new ArrayList<>();
        List<SInt> residG2 = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            actG.add(ShiftRegister.delay(actN.get(c), gl, en, "gelAct_" + c));
            residG2.add(ShiftRegister.delay(residNv.get(c), gl, en, "gelRes_" + c));
        }
        Bool vGAny = ShiftRegister.any(gelValids);
        // O register: plain output value
        Bool vO = flag(vG, en, "outValid");
        Bool expertO = flag(expertG, en, "outExpert");
        List<SInt> yO = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            GeluLane lane = instance(new GeluLane(f, act, act, GeluTable.published(), true));
            lane.en.set(en);
            lane.x.set(Fix.fromRaw(act, actN.get(c)));
            SInt a = mux(geluG, lane.y.rawSInt(), actG.get(c));
            SInt v = mux(residG, residG2.get(c).resize(ow), a.resize(ow));
            yO.add(regNextWhen(v, en).named("y_" + c));
        }

        // F register (the output): plain, or expert scale-accumulate with the dest beat, joined here
        Bool vF = reg(Bool()).init(false).named("finalValid");
        SInt score = dest.payload.slice(cols * rw + pw - 1, cols * rw).asSInt();
        List<Bits> outParts = new ArrayList<>();
        for (int c = cols - 1; c >= 0; c--) {
            SInt d = dest.payload.slice(rw * c + rw - 1, rw * c).asSInt();
            SInt sa = scaleAccumulate(d, yO.get(c).resize(rw), score, f).resize(ow);
            outParts.add(mux(expertO, sa, yO.get(c)).asBits());
        }
        Bits yF = regNextWhen(cat(outParts.toArray(new Bits[0])), en).named("yFinal");
        // a beat taken while the pipeline waits for dest (en low) still leaves the F register
        when(en, () -> vF.set(vO)).elsewhen(y.ready, () -> vF.set(B(false)));
        y.payload.set(yF);
        y.valid.set(vF);
        Bool outFree = vF.not().or(y.ready).named("outFree");
        dest.ready.set(vO.and(expertO).and(outFree));
        en.set(outFree.and(vO.and(expertO).not().or(dest.valid)));

        // busy: a command anywhere, or valid data in the pipeline
        Bool anyMeta = B(false);
        for (Bits mm : meta) {
            anyMeta = anyMeta.or(mm.bit(o));
        }
        busy.set(cActive.or(iActive).or(iq.pop.valid).or(anyMeta).or(vA).or(vN).or(vGAny).or(vO).or(vF));
    }

    /** A pipeline flag (valid or tag) register on {@code en}, reset low: the pipeline comes out of reset empty. */
    private static Bool flag(Bool next, Bool en, String name) {
        return regNextWhen(next, en).init(false).named(name);
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

    public CuConfig config() {
        return cfg;
    }
}
