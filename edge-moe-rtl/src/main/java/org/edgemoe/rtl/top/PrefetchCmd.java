package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * The expert blocks an {@link ExpertPrefetcher} reads ahead, in the order the expert loop takes them: for expert
 * e = 0 .. {@code experts} - 1, block A at {@code weightAddr + e x stride} ({@code weightBytes}, FC1), then block B at
 * {@code weight2Addr + e x stride} ({@code weight2Bytes}, FC2). {@code active} bit e: expert e has tokens (all set for
 * a PREFETCH, which runs before the gate; the router's {@code nonEmpty} when EXPERTS confirms the blocks).
 */
public final class PrefetchCmd extends Bundle {
    public final UInt weightAddr = UInt(32);
    public final UInt weightBytes = UInt(32);
    public final UInt weight2Addr = UInt(32);
    public final UInt weight2Bytes = UInt(32);
    public final UInt stride = UInt(32);
    public final UInt experts = UInt(8);
    public final Bits active;
    /** From EXPERTS: {@code active} is the gate's, and the blocks must be the ones being read (or are read anew). */
    public final Bool confirm = Bool();

    private final int maxExperts;

    public PrefetchCmd(int maxExperts) {
        this.maxExperts = maxExperts;
        active = Bits(maxExperts);
    }

    /** The same blocks as {@code o} (addresses, sizes, stride, expert count). */
    public Bool sameBlocks(PrefetchCmd o) {
        return weightAddr.eq(o.weightAddr).and(weightBytes.eq(o.weightBytes)).and(weight2Addr.eq(o.weight2Addr))
                .and(weight2Bytes.eq(o.weight2Bytes)).and(stride.eq(o.stride)).and(experts.eq(o.experts));
    }

    /** The blocks of an EXPERTS or PREFETCH command {@code c} (not {@code active}, {@code confirm}). */
    public static void drive(PrefetchCmd p, DecodedCommand c) {
        p.weightAddr.set(c.weightAddr);
        p.weightBytes.set(c.weightBytes);
        p.weight2Addr.set(c.weight2Addr);
        p.weight2Bytes.set(c.weight2Bytes);
        p.stride.set(c.weightStride);
        p.experts.set(c.count);
    }

    @Override
    public PrefetchCmd cloneType() {
        PrefetchCmd c = new PrefetchCmd(maxExperts);
        return isFlipped() ? flipped(c) : c;
    }
}
