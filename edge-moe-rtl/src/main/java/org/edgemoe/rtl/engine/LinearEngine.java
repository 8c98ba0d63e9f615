package org.edgemoe.rtl.engine;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.List;
import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.lib.StreamFifo;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.AddressGen;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.buffer.LoopCmd;
import org.edgemoe.rtl.cu.ComputeUnit;
import org.edgemoe.rtl.cu.CuConfig;

/**
 * The compute unit with its data movers: each {@link LinearCmd} is forked to the compute unit and to three
 * {@link AddressGen}s (x reads of the source buffer, y writes of the destination, dest reads of the residual
 * buffer when the output is added into it), each behind a two-deep command queue so the next command's
 * reads start while the current one drains. Weights come in on {@code weight} exactly as the compute unit
 * takes them (the weight image's CU-stream tensors, unchanged). y leaves on {@code yAct} (act lanes) or
 * {@code yResid} (resid lanes), by the command's output format.
 */
public final class LinearEngine extends Module {
    public final Stream<LinearCmd> cmd;
    public final Stream<Bits> weight;
    public final Stream<BufferAddr> xRead;
    public final Stream<ActBuffer.Word> xData;
    public final Stream<BufferAddr> destRead;
    public final Stream<ActBuffer.Word> destData;
    public final Flow<ActBuffer.WriteBeat> yAct;
    public final Flow<ActBuffer.WriteBeat> yResid;
    /** High while a command is queued, computing or draining. */
    public final Bool busy = out(Bool());

    public LinearEngine(CuConfig cfg, int addrWidth) {
        Formats f = cfg.formats();
        int rows = cfg.rows();
        int cols = cfg.cols();
        int cw = Math.max(cfg.tokensWidth(), Math.max(cfg.inSizeWidth(), cfg.outSizeWidth()));
        param("ROWS", rows);
        param("COLS", cols);
        param("PROFILE", f.name());
        param("ADDR_WIDTH", addrWidth);
        cmd = slave(new Stream<>(new LinearCmd(cfg, addrWidth)));
        weight = slave(new Stream<>(Bits(cols * CuConfig.WEIGHT_WIDTH)));
        xRead = master(new Stream<>(new BufferAddr(addrWidth)));
        xData = slave(new Stream<>(new ActBuffer.Word(rows, f.act())));
        destRead = master(new Stream<>(new BufferAddr(addrWidth)));
        destData = slave(new Stream<>(new ActBuffer.Word(cols, f.resid())));
        yAct = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, cols, f.act())));
        yResid = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, cols, f.resid())));

        ComputeUnit cu = instance(new ComputeUnit(cfg));
        AddressGen xGen = instance(new AddressGen(addrWidth, cw));
        AddressGen yGen = instance(new AddressGen(addrWidth, cw));
        AddressGen dGen = instance(new AddressGen(addrWidth, cw));
        StreamFifo<Bool> residQ = instance(new StreamFifo<>(Bool(), 4));

        // ---- command fork: compute unit, three address walks, the output-format flag ----
        List<Stream<LinearCmd>> fk = cmd.fork(5);
        LinearCmd c = cmd.payload;
        UInt kTiles = c.cu.inSize.shr(Integer.numberOfTrailingZeros(rows)).resize(cw).named("kTiles");
        UInt oTiles = c.cu.outSize.shr(Integer.numberOfTrailingZeros(cols)).resize(cw).named("oTiles");
        UInt tokens = c.cu.tokens.resize(cw);
        connectCu(fk.get(0), cu, c);
        xGen.cmd.driveFrom(loops(fk.get(1), addrWidth, cw, c.xBase, tokens, c.xStride, kTiles, U(1, addrWidth), oTiles).queue(2));
        yGen.cmd.driveFrom(loops(fk.get(2), addrWidth, cw, c.yBase, tokens, c.yStride, oTiles, U(1, addrWidth), U(1, cw)).queue(2));
        dGen.cmd.driveFrom(loops(fk.get(3).throwWhen(c.residAdd.not()), addrWidth, cw, c.yBase, tokens, c.yStride, oTiles,
                U(1, addrWidth), U(1, cw)).queue(2));
        residQ.push.valid.set(fk.get(4).valid);
        residQ.push.payload.set(c.residAdd.or(c.cu.outResid).or(c.cu.expert));
        fk.get(4).ready.set(residQ.push.ready);

        cu.weight.driveFrom(weight);

        // ---- x: buffer words straight into the array (lane 0 = input row 0) ----
        xRead.driveFrom(xGen.addr);
        cu.x.valid.set(xData.valid);
        cu.x.payload.set(xData.payload.lanes.toBits());
        xData.ready.set(cu.x.ready);

        // ---- dest: residual words plus a score of exactly 1.0 ----
        destRead.driveFrom(dGen.addr);
        FixFormat prob = f.prob();
        cu.dest.valid.set(destData.valid);
        cu.dest.payload.set(cat(Bits(1L << prob.fracBits(), prob.width()), destData.payload.lanes.toBits()));
        destData.ready.set(cu.dest.ready);

        // ---- y: joined with its write address, narrowed to the destination's format ----
        Bool yGo = cu.y.valid.and(yGen.addr.valid).named("yGo");
        cu.y.ready.set(yGen.addr.valid);
        yGen.addr.ready.set(cu.y.valid);
        residQ.pop.ready.set(yGo.and(yGen.addr.payload.last));
        Bool toResid = residQ.pop.payload;
        int ow = cfg.outWidth();
        yAct.valid.set(yGo.and(toResid.not()));
        yResid.valid.set(yGo.and(toResid));
        yAct.payload.addr.set(yGen.addr.payload.addr);
        yResid.payload.addr.set(yGen.addr.payload.addr);
        for (int k = 0; k < cols; k++) {
            Bits lane = cu.y.payload.slice(k * ow + ow - 1, k * ow);
            yAct.payload.lanes.get(k).set(Fix.fromRaw(f.act(), lane.slice(f.act().width() - 1, 0)));
            yResid.payload.lanes.get(k).set(Fix.fromRaw(f.resid(), lane.slice(f.resid().width() - 1, 0)));
        }
        busy.set(cu.busy.or(xGen.busy).or(yGen.busy).or(dGen.busy).or(residQ.pop.valid)
                .or(xGen.cmd.valid).or(yGen.cmd.valid).or(dGen.cmd.valid));
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

    /** A loop-nest command from one branch of the fork: counts {n0, n1, n2}, strides {s0, s1, 0}. */
    private static Stream<LoopCmd> loops(Stream<LinearCmd> s, int aw, int cw, UInt base, UInt n0, UInt s0, UInt n1, UInt s1, UInt n2) {
        Stream<LoopCmd> out = wire(new Stream<>(new LoopCmd(aw, cw)));
        out.valid.set(s.valid);
        s.ready.set(out.ready);
        out.payload.base.set(base);
        out.payload.counts.get(0).set(n0);
        out.payload.counts.get(1).set(n1);
        out.payload.counts.get(2).set(n2);
        out.payload.strides.get(0).set(s0);
        out.payload.strides.get(1).set(s1);
        out.payload.strides.get(2).set(U(0, aw));
        return out;
    }
}
