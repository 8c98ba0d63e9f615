package org.edgemoe.rtl.engine;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.SInt;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.buffer.ListAddressGen;
import org.edgemoe.rtl.cu.ComputeUnit;
import org.edgemoe.rtl.cu.CuConfig;
import org.edgemoe.rtl.cu.WeightRow;

/**
 * The compute unit with its data movers: each {@link LinearCmd} is forked to the compute unit and to three
 * {@link ListAddressGen}s (x reads of the source buffer, y writes of the destination, dest reads of the
 * residual buffer when the output is added into it), each behind a two-deep command queue so the next
 * command's reads start while the current one drains. Weights come in on {@code weight} exactly as the
 * compute unit takes them (the weight image's CU-stream tensors, unchanged). y leaves on {@code yAct} (act
 * lanes), {@code yResid} (resid lanes) or, for a token's second expert, {@code ySecond}. The expert list
 * ({@code list}) is written before the expert's commands; every generator keeps a copy.
 */
public final class LinearEngine extends Module {
    public final Stream<LinearCmd> cmd;
    public final Flow<ExpertEntry> list;
    public final Stream<Bits> weight;
    public final Stream<BufferAddr> xRead;
    public final Stream<ActBuffer.Word> xData;
    public final Stream<BufferAddr> destRead;
    public final Stream<ActBuffer.Word> destData;
    public final Flow<ActBuffer.WriteBeat> yAct;
    public final Flow<ActBuffer.WriteBeat> yResid;
    public final Flow<ActBuffer.WriteBeat> ySecond;
    /** High while a command is queued, computing or draining. */
    public final Bool busy = out(Bool());

    private final CuConfig cfg;
    private final int aw;
    private final int cw;

    public LinearEngine(CuConfig cfg, int addrWidth) {
        this.cfg = cfg;
        this.aw = addrWidth;
        this.cw = Math.max(cfg.tokensWidth(), Math.max(cfg.inSizeWidth(), cfg.outSizeWidth()));
        Formats f = cfg.formats();
        int rows = cfg.rows();
        int cols = cfg.cols();
        int pw = log2Up(cfg.maxTokens());
        int tiw = cfg.tokenIndexWidth();
        FixFormat prob = f.prob();
        param("ROWS", rows);
        param("COLS", cols);
        param("PROFILE", f.name());
        param("ADDR_WIDTH", addrWidth);
        cmd = slave(new Stream<>(new LinearCmd(cfg, addrWidth)));
        list = slave(new Flow<>(new ExpertEntry(pw, tiw, prob)));
        weight = slave(new Stream<>(Bits(cols * CuConfig.WEIGHT_WIDTH)));
        xRead = master(new Stream<>(new BufferAddr(addrWidth)));
        xData = slave(new Stream<>(new ActBuffer.Word(rows, f.act())));
        destRead = master(new Stream<>(new BufferAddr(addrWidth)));
        destData = slave(new Stream<>(new ActBuffer.Word(cols, f.resid())));
        yAct = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, cols, f.act())));
        yResid = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, cols, f.resid())));
        ySecond = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, cols, f.resid())));

        ComputeUnit cu = instance(new ComputeUnit(cfg));
        ListAddressGen xGen = instance(new ListAddressGen(addrWidth, cw, cfg.maxTokens(), tiw, 1));
        ListAddressGen yGen = instance(new ListAddressGen(addrWidth, cw, cfg.maxTokens(), tiw, 1));
        ListAddressGen dGen = instance(new ListAddressGen(addrWidth, cw, cfg.maxTokens(), tiw, prob.width() + 1));
        // per y command: {second-expert split, resid output}; per dest read: {score, second}
        StreamFifo<Bits> yModeQ = instance(new StreamFifo<>(Bits(2), 4));
        StreamFifo<Bits> tagQ = instance(new StreamFifo<>(Bits(prob.width() + 1), 8));
        StreamFifo<Bool> dModeQ = instance(new StreamFifo<>(Bool(), 4));   // per dest command: scores from the list
        for (ListAddressGen g : List.of(xGen, yGen, dGen)) {
            g.list.valid.set(list.valid);
            g.list.payload.pos.set(list.payload.pos);
            g.list.payload.entry.index.set(list.payload.token);
        }
        xGen.list.payload.entry.tag.set(list.payload.second.asBits());
        yGen.list.payload.entry.tag.set(list.payload.second.asBits());
        dGen.list.payload.entry.tag.set(cat(list.payload.score.toBits(), list.payload.second.asBits()));

        // ---- command fork: compute unit, three address walks, the y mode ----
        List<Stream<LinearCmd>> fk = cmd.fork(6);
        LinearCmd c = cmd.payload;
        UInt kTiles = c.cu.inSize.shr(Integer.numberOfTrailingZeros(rows)).resize(cw).named("kTiles");
        UInt oTiles = c.cu.outSize.shr(Integer.numberOfTrailingZeros(cols)).resize(cw).named("oTiles");
        UInt tokens = c.cu.tokens.resize(cw);
        Bool addInto = c.residAdd.or(c.cu.expert).named("addInto");
        connectCu(fk.get(0), cu, c);
        xGen.cmd.driveFrom(walk(fk.get(1), c.xBase, tokens, c.xStride, kTiles, oTiles, c.gatherX).queue(2));
        yGen.cmd.driveFrom(walk(fk.get(2), c.yBase, tokens, c.yStride, oTiles, U(1, cw), c.scatterY).queue(2));
        dGen.cmd.driveFrom(walk(fk.get(3).throwWhen(addInto.not()), c.yBase, tokens, c.yStride, oTiles, U(1, cw), c.scatterY).queue(2));
        yModeQ.push.valid.set(fk.get(4).valid);
        yModeQ.push.payload.set(cat(addInto.or(c.cu.outResid), c.cu.expert));
        fk.get(4).ready.set(yModeQ.push.ready);
        Stream<LinearCmd> dm = fk.get(5).throwWhen(addInto.not());
        dModeQ.push.valid.set(dm.valid);
        dModeQ.push.payload.set(c.cu.expert);
        dm.ready.set(dModeQ.push.ready);
        // a weight word is a row of the compute unit (lane c in bits 16c+15..16c, the WeightRow's field layout)
        WeightRow row = wire(new WeightRow(cfg)).named("weightRow");
        row.setFromBits(weight.payload);
        cu.weight.driveFrom(weight.translateWith(row));

        // ---- x: buffer words straight into the array (lane 0 = input row 0) ----
        connectX(xGen, cu);

        // ---- dest: residual words (zero for a second expert) and the score (1.0 for a plain residual add) ----
        Bool dGo = dGen.addr.valid.and(tagQ.push.ready).named("dGo");
        destRead.valid.set(dGo);
        destRead.payload.addr.set(dGen.addr.payload.addr);
        destRead.payload.last.set(dGen.addr.payload.last);
        dGen.addr.ready.set(destRead.ready.and(tagQ.push.ready));
        tagQ.push.valid.set(dGen.addr.valid.and(destRead.ready));
        tagQ.push.payload.set(dGen.addr.payload.tag);
        Bool fromList = dModeQ.pop.payload;
        Bits tag = tagQ.pop.payload;
        Bool second = tag.bit(0).and(fromList).named("destSecond");
        Bits score = mux(fromList, tag.slice(prob.width(), 1), Bits(1L << prob.fracBits(), prob.width()));
        Bool dAll = destData.valid.and(tagQ.pop.valid).and(dModeQ.pop.valid).named("dAll");
        cu.dest.valid.set(dAll);
        cu.dest.payload.score.set(Fix.fromRaw(prob, score));
        for (int k = 0; k < cols; k++) {
            cu.dest.payload.resid.get(k).set(mux(second, fix(0, f.resid()), destData.payload.lanes.get(k)));
        }
        destData.ready.set(cu.dest.ready.and(tagQ.pop.valid).and(dModeQ.pop.valid));
        tagQ.pop.ready.set(cu.dest.ready.and(destData.valid).and(dModeQ.pop.valid));
        dModeQ.pop.ready.set(cu.dest.ready.and(dAll).and(destData.payload.last));

        // ---- y: joined with its write address, narrowed to the destination's format ----
        connectY(cu, yGen, yModeQ, f);
        busy.set(cu.busy.or(xGen.busy).or(yGen.busy).or(dGen.busy).or(yModeQ.pop.valid).or(tagQ.pop.valid).or(dModeQ.pop.valid)
                .or(xGen.cmd.valid).or(yGen.cmd.valid).or(dGen.cmd.valid));
    }

    private void connectX(ListAddressGen xGen, ComputeUnit cu) {
        xRead.valid.set(xGen.addr.valid);
        xRead.payload.addr.set(xGen.addr.payload.addr);
        xRead.payload.last.set(xGen.addr.payload.last);
        xGen.addr.ready.set(xRead.ready);
        cu.x.valid.set(xData.valid);
        cu.x.payload.lanes.set(xData.payload.lanes);
        xData.ready.set(cu.x.ready);
    }

    private void connectY(ComputeUnit cu, ListAddressGen yGen, StreamFifo<Bits> yModeQ, Formats f) {
        Bool yGo = cu.y.valid.and(yGen.addr.valid).and(yModeQ.pop.valid).named("yGo");
        cu.y.ready.set(yGen.addr.valid.and(yModeQ.pop.valid));
        yGen.addr.ready.set(cu.y.valid.and(yModeQ.pop.valid));
        yModeQ.pop.ready.set(yGo.and(yGen.addr.payload.last));
        Bool toResid = yModeQ.pop.payload.bit(1);
        Bool toSecond = yModeQ.pop.payload.bit(0).and(yGen.addr.payload.tag.bit(0)).named("toSecond");
        yAct.valid.set(yGo.and(toResid.not()));
        yResid.valid.set(yGo.and(toResid).and(toSecond.not()));
        ySecond.valid.set(yGo.and(toSecond));
        for (Flow<ActBuffer.WriteBeat> out : List.of(yAct, yResid, ySecond)) {
            out.payload.addr.set(yGen.addr.payload.addr);
        }
        for (int k = 0; k < cfg.cols(); k++) {
            // the lane is the command's format sign-extended: its low bits are the act or resid value
            SInt lane = cu.y.payload.lanes.get(k);
            yAct.payload.lanes.get(k).set(Fix.fromRaw(f.act(), lane.resize(f.act().width())));
            Fix r = Fix.fromRaw(f.resid(), lane.resize(f.resid().width()));
            yResid.payload.lanes.get(k).set(r);
            ySecond.payload.lanes.get(k).set(r);
        }
    }

    /** The compute unit's command: the layer's, expert mode when the output is added into the residual stream. */
    private static void connectCu(Stream<LinearCmd> s, ComputeUnit cu, LinearCmd c) {
        cu.cmd.valid.set(s.valid);
        s.ready.set(cu.cmd.ready);
        cu.cmd.payload.inSize.set(c.cu.inSize);
        cu.cmd.payload.outSize.set(c.cu.outSize);
        cu.cmd.payload.tokens.set(c.cu.tokens);
        cu.cmd.payload.bias.set(c.cu.bias);
        cu.cmd.payload.attnBias.set(c.cu.attnBias);
        cu.cmd.payload.outResid.set(c.cu.outResid.or(c.residAdd));
        cu.cmd.payload.gelu.set(c.cu.gelu);
        cu.cmd.payload.expert.set(c.cu.expert.or(c.residAdd));
    }

    /** A walk from one branch of the fork: counts {n0, n1, n2}, strides {s0, 1, 0}, the inner loop through the list when asked. */
    private Stream<ListAddressGen.Cmd> walk(Stream<LinearCmd> s, UInt base, UInt n0, UInt s0, UInt n1, UInt n2, Bool indexed) {
        Stream<ListAddressGen.Cmd> out = wire(new Stream<>(new ListAddressGen.Cmd(aw, cw)));
        out.valid.set(s.valid);
        s.ready.set(out.ready);
        out.payload.indexed.set(indexed);
        out.payload.loops.base.set(base);
        out.payload.loops.counts.get(0).set(n0);
        out.payload.loops.counts.get(1).set(n1);
        out.payload.loops.counts.get(2).set(n2);
        out.payload.loops.strides.get(0).set(s0);
        out.payload.loops.strides.get(1).set(U(1, aw));
        out.payload.loops.strides.get(2).set(U(0, aw));
        return out;
    }
}
