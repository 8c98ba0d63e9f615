package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/**
 * A first-in first-out queue between two streams. Storage is a memory of {@code depth} words read
 * combinationally, so a pushed word can be popped the next cycle; push and pop can fire in the same
 * cycle, giving full throughput. {@code occupancy} counts the stored words.
 */
public final class StreamFifo<T extends Data> extends Module {
    public final Stream<T> push;
    public final Stream<T> pop;
    public final UInt occupancy;

    public StreamFifo(T type, int depth) {
        if (depth < 2) {
            throw new IllegalArgumentException("FIFO depth must be at least 2, was " + depth);
        }
        param("WIDTH", type.bitWidth());
        param("DEPTH", depth);
        push = slave(new Stream<>(type));
        pop = master(new Stream<>(type));
        occupancy = out(UInt(log2Up(depth + 1)));

        int aw = log2Up(depth);
        Mem<Bits> ram = mem(Bits(type.bitWidth()), depth);
        UInt pushPtr = reg(UInt(aw)).init(0).named("pushPtr");
        UInt popPtr = reg(UInt(aw)).init(0).named("popPtr");
        UInt count = reg(UInt(occupancy.width())).init(0).named("count");
        Bool doPush = push.fire().named("doPush");
        Bool doPop = pop.fire().named("doPop");

        when(doPush, () -> {
            ram.write(pushPtr, push.payload.toBits());
            pushPtr.set(wrapIncrement(pushPtr, depth));
        });
        when(doPop, () -> popPtr.set(wrapIncrement(popPtr, depth)));
        when(doPush.and(doPop.not()), () -> count.set(count.plus(1)))
                .elsewhen(doPop.and(doPush.not()), () -> count.set(count.minus(1)));

        push.ready.set(count.ne(depth));
        pop.valid.set(count.ne(0));
        pop.payload.setFromBits(ram.readAsync(popPtr));
        occupancy.set(count);
    }

    /** {@code ptr + 1} modulo {@code depth} (a power of two wraps by itself). */
    static UInt wrapIncrement(UInt ptr, int depth) {
        if (Integer.bitCount(depth) == 1) {
            return ptr.plus(1);
        }
        return mux(ptr.eq(depth - 1), U(0, ptr.width()), ptr.plus(1));
    }
}
