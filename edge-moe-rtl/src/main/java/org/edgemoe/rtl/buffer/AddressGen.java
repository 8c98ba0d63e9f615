package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;

/**
 * Walks a {@link LoopCmd}: one {@link BufferAddr} per cycle while {@code addr} is ready, inner loop first,
 * {@code last} on the final address; the next command is taken in the cycle after the last address fires.
 * No multiplier: the address of each loop level is kept as a running sum (level 2 start, level 1 start,
 * current), so a wrap adds one stride. Every data mover of the accelerator (compute-unit inputs and outputs,
 * attention and LayerNorm reads) is one of these in front of a buffer port.
 */
public final class AddressGen extends Module {
    public final Stream<LoopCmd> cmd;
    public final Stream<BufferAddr> addr;
    /** High while a command is being walked. */
    public final Bool busy = out(Bool());

    public AddressGen(int addrWidth, int countWidth) {
        param("ADDR_WIDTH", addrWidth);
        param("COUNT_WIDTH", countWidth);
        cmd = slave(new Stream<>(new LoopCmd(addrWidth, countWidth)));
        addr = master(new Stream<>(new BufferAddr(addrWidth)));

        Bool active = reg(Bool()).init(false).named("active");
        UInt[] i = new UInt[LoopCmd.LEVELS];
        UInt[] last = new UInt[LoopCmd.LEVELS];
        UInt[] stride = new UInt[LoopCmd.LEVELS];
        for (int l = 0; l < LoopCmd.LEVELS; l++) {
            i[l] = reg(UInt(countWidth)).init(0).named("i" + l);
            last[l] = reg(UInt(countWidth)).init(0).named("last" + l);
            stride[l] = reg(UInt(addrWidth)).init(0).named("stride" + l);
        }
        UInt start2 = reg(UInt(addrWidth)).init(0).named("start2");
        UInt start1 = reg(UInt(addrWidth)).init(0).named("start1");
        UInt cur = reg(UInt(addrWidth)).init(0).named("cur");

        Bool end0 = i[0].eq(last[0]).named("end0");
        Bool end1 = i[1].eq(last[1]).named("end1");
        Bool end2 = i[2].eq(last[2]).named("end2");
        Bool isLast = end0.and(end1).and(end2).named("isLast");

        cmd.ready.set(active.not());
        addr.valid.set(active);
        addr.payload.addr.set(cur);
        addr.payload.last.set(isLast);
        busy.set(active);

        when(cmd.fire(), () -> {
            active.set(true);
            for (int l = 0; l < LoopCmd.LEVELS; l++) {
                i[l].set(U(0, countWidth));
                last[l].set(cmd.payload.counts.get(l).minus(1));
                stride[l].set(cmd.payload.strides.get(l));
            }
            start2.set(cmd.payload.base);
            start1.set(cmd.payload.base);
            cur.set(cmd.payload.base);
        });
        when(addr.fire(), () -> {
            when(isLast, () -> active.set(false));
            when(end0.not(), () -> {
                i[0].set(i[0].plus(1));
                cur.set(cur.plus(stride[0]));
            }).elsewhen(end1.not(), () -> {
                i[0].set(U(0, countWidth));
                i[1].set(i[1].plus(1));
                UInt next1 = start1.plus(stride[1]);
                start1.set(next1);
                cur.set(next1);
            }).otherwise(() -> {
                i[0].set(U(0, countWidth));
                i[1].set(U(0, countWidth));
                i[2].set(i[2].plus(1));
                UInt next2 = start2.plus(stride[2]);
                start2.set(next2);
                start1.set(next2);
                cur.set(next2);
            });
        });
    }
}
