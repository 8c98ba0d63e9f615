package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Area;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.UInt;

/**
 * The counters of a {@link LoopCmd} walk, built in the calling module (registers {@code active}, {@code i0..2},
 * {@code last0..2}, {@code stride0..2}, {@code start1/2}, {@code cur}). No multiplier: each level's start address is a running sum, so a
 * wrap adds one stride. {@link #cur} is the full address; {@link #start1} the address without the inner
 * loop's term (for generators that replace it, like {@link ListAddressGen}).
 */
public final class LoopNest extends Area {
    public final Bool active;
    public final UInt i0;
    public final UInt start1;
    public final UInt cur;
    public final UInt stride0;
    public final Bool isLast;

    private final UInt[] i = new UInt[LoopCmd.LEVELS];
    private final UInt[] lastIndex = new UInt[LoopCmd.LEVELS];
    private final UInt[] stride = new UInt[LoopCmd.LEVELS];
    private final UInt start2;
    private final int countWidth;

    public LoopNest(int addrWidth, int countWidth) {
        this.countWidth = countWidth;
        active = reg(Bool()).init(false).named("active");
        for (int l = 0; l < LoopCmd.LEVELS; l++) {
            i[l] = reg(UInt(countWidth)).init(0).named("i" + l);
            lastIndex[l] = reg(UInt(countWidth)).init(0).named("last" + l);
            stride[l] = reg(UInt(addrWidth)).init(0).named("stride" + l);
        }
        i0 = i[0];
        stride0 = stride[0];
        start2 = reg(UInt(addrWidth)).init(0).named("start2");
        start1 = reg(UInt(addrWidth)).init(0).named("start1");
        cur = reg(UInt(addrWidth)).init(0).named("cur");
        isLast = i[0].eq(lastIndex[0]).and(i[1].eq(lastIndex[1])).and(i[2].eq(lastIndex[2])).named("isLast");
    }

    /** Starts walking {@code c} (call under the condition that takes the command). */
    public void load(LoopCmd c) {
        active.set(true);
        for (int l = 0; l < LoopCmd.LEVELS; l++) {
            i[l].set(U(0, countWidth));
            lastIndex[l].set(c.counts.get(l).minus(1));
            stride[l].set(c.strides.get(l));
        }
        start2.set(c.base);
        start1.set(c.base);
        cur.set(c.base);
    }

    /** Moves to the next address, inner loop first; the walk ends after the last (call when one is taken). */
    public void advance() {
        when(isLast, () -> active.set(false));
        when(i[0].ne(lastIndex[0]), () -> {
            i[0].set(i[0].plus(1));
            cur.set(cur.plus(stride[0]));
        }).elsewhen(i[1].ne(lastIndex[1]), () -> {
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
    }
}
