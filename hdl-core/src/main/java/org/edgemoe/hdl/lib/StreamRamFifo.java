package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/**
 * A first-in first-out queue for deep buffers: the words live in a memory read synchronously (so it maps to block
 * RAM, where {@link StreamFifo}'s combinational read needs distributed RAM), and a four-word output queue hides the
 * read's cycle of latency, so push and pop both stream at one word a cycle. A word is read out of the memory as soon
 * as the output queue has room for it, counting the read in flight. {@code occupancy} counts every stored word
 * (memory, read in flight, output queue), at most {@code depth + 4}.
 */
public final class StreamRamFifo<T extends Data> extends Module {
    private static final int OUT_DEPTH = 4;

    public final Stream<T> push;
    public final Stream<T> pop;
    public final UInt occupancy;

    public StreamRamFifo(T type, int depth) {
        if (depth < 2) {
            throw new IllegalArgumentException("RAM FIFO depth must be at least 2, was " + depth);
        }
        param("WIDTH", type.bitWidth());
        param("DEPTH", depth);
        push = slave(new Stream<>(type));
        pop = master(new Stream<>(type));
        occupancy = out(UInt(log2Up(depth + OUT_DEPTH + 1)));

        int aw = log2Up(depth);
        int cw = log2Up(depth + 1);
        Mem<Bits> ram = mem(Bits(type.bitWidth()), depth).named("ram");
        UInt pushPtr = reg(UInt(aw)).init(0).named("pushPtr");
        UInt readPtr = reg(UInt(aw)).init(0).named("readPtr");
        UInt stored = reg(UInt(cw)).init(0).named("stored");
        Bool inFlight = reg(Bool()).init(false).named("inFlight");
        StreamFifo<Bits> outQ = instance(new StreamFifo<>(Bits(type.bitWidth()), OUT_DEPTH));

        Bool doPush = push.fire().named("doPush");
        // read when a word is stored and the output queue can take it next cycle whatever it pops meanwhile
        Bool doRead = stored.ne(0).and(outQ.occupancy.resize(4).plus(inFlight.asUInt().resize(4)).lt(OUT_DEPTH)).named("doRead");
        when(doPush, () -> {
            ram.write(pushPtr, push.payload.toBits());
            pushPtr.set(StreamFifo.wrapIncrement(pushPtr, depth));
        });
        Bits word = ram.readSync(readPtr, doRead).named("readWord");
        when(doRead, () -> readPtr.set(StreamFifo.wrapIncrement(readPtr, depth)));
        inFlight.set(doRead);
        when(doPush.and(doRead.not()), () -> stored.set(stored.plus(1)))
                .elsewhen(doRead.and(doPush.not()), () -> stored.set(stored.minus(1)));

        push.ready.set(stored.ne(depth));
        outQ.push.valid.set(inFlight);
        outQ.push.payload.set(word);
        pop.valid.set(outQ.pop.valid);
        pop.payload.setFromBits(outQ.pop.payload);
        outQ.pop.ready.set(pop.ready);
        occupancy.set(stored.resize(occupancy.width()).plus(inFlight.asUInt().resize(occupancy.width()))
                .plus(outQ.occupancy.resize(occupancy.width())));
    }
}
