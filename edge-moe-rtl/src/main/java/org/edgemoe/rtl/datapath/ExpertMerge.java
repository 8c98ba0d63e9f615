package org.edgemoe.rtl.datapath;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.hdl.fixed.Rounding;
import org.edgemoe.hdl.lib.Flow;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.model.hw.Formats;
import org.edgemoe.rtl.buffer.ActBuffer;
import org.edgemoe.rtl.buffer.AddressGen;
import org.edgemoe.rtl.buffer.BufferAddr;
import org.edgemoe.rtl.buffer.LoopCmd;

/**
 * After an MoE layer's expert loop: {@code RES[a] = residualAdd(RES[a], SEC[a])} over the words of a
 * {@link LoopCmd}, one word per cycle. RES holds each token's residual plus its best expert's scaled output,
 * SEC its second expert's, so this is the model's second accumulation, in the model's order. Reads of RES and
 * SEC run in lockstep (one address walk forked to both read ports); writes follow in the same order from a
 * second walk of the same command.
 */
public final class ExpertMerge extends Module {
    public final Stream<LoopCmd> cmd;
    public final Stream<BufferAddr> resRead;
    public final Stream<ActBuffer.Word> resData;
    public final Stream<BufferAddr> secRead;
    public final Stream<ActBuffer.Word> secData;
    public final Flow<ActBuffer.WriteBeat> resWrite;
    public final Bool busy = out(Bool());

    public ExpertMerge(Formats f, int lanes, int addrWidth, int countWidth) {
        FixFormat res = f.resid();
        param("LANES", lanes);
        param("PROFILE", f.name());
        cmd = slave(new Stream<>(new LoopCmd(addrWidth, countWidth)));
        resRead = master(new Stream<>(new BufferAddr(addrWidth)));
        resData = slave(new Stream<>(new ActBuffer.Word(lanes, res)));
        secRead = master(new Stream<>(new BufferAddr(addrWidth)));
        secData = slave(new Stream<>(new ActBuffer.Word(lanes, res)));
        resWrite = master(new Flow<>(new ActBuffer.WriteBeat(addrWidth, lanes, res)));

        AddressGen rGen = instance(new AddressGen(addrWidth, countWidth));
        AddressGen wGen = instance(new AddressGen(addrWidth, countWidth));
        List<Stream<LoopCmd>> fk = cmd.fork(2);
        rGen.cmd.driveFrom(fk.get(0).queue(2));
        wGen.cmd.driveFrom(fk.get(1).queue(2));
        List<Stream<BufferAddr>> reads = rGen.addr.fork(2);
        resRead.driveFrom(reads.get(0));
        secRead.driveFrom(reads.get(1));

        Bool go = resData.valid.and(secData.valid).and(wGen.addr.valid).named("go");
        resData.ready.set(secData.valid.and(wGen.addr.valid));
        secData.ready.set(resData.valid.and(wGen.addr.valid));
        wGen.addr.ready.set(resData.valid.and(secData.valid));
        resWrite.valid.set(go);
        resWrite.payload.addr.set(wGen.addr.payload.addr);
        for (int k = 0; k < lanes; k++) {
            Fix sum = resData.payload.lanes.get(k).plus(secData.payload.lanes.get(k));
            resWrite.payload.lanes.get(k).set(sum.resize(res, Rounding.TRUNCATE, f.overflow()));
        }
        busy.set(rGen.busy.or(wGen.busy).or(rGen.cmd.valid).or(wGen.cmd.valid));
    }
}
