package org.edgemoe.rtl.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;

/**
 * Packs one read port's bus beats into the beats of a {@code ratio} times wider bus, by address: the narrow beat of
 * byte address A is slot (A / narrowBytes) mod ratio of its wide beat (slot 0 in the least significant bits), so
 * the wide beats are the ones a master on the wide bus would read. The start slot of each piece comes on
 * {@code start} (popped with the piece's last beat); a wide beat leaves in the cycle its top slot or the piece's
 * last beat arrives; slots the piece does not cover read zero. One narrow beat per cycle, no bubble.
 * {@code flush} abandons the piece in progress and drops the start slots.
 */
public final class BeatPacker extends Module {
    public final Stream<ReadBeat> narrow;
    public final Stream<UInt> start;
    public final Stream<ReadBeat> wide;
    public final Bool flush = in(Bool());

    public BeatPacker(int narrowWidth, int ratio) {
        if (ratio < 2 || Integer.bitCount(ratio) != 1) {
            throw new IllegalArgumentException("packing ratio must be a power of two >= 2, was " + ratio);
        }
        int sw = log2Up(ratio);
        param("NARROW_WIDTH", narrowWidth);
        param("RATIO", ratio);
        narrow = slave(new Stream<>(new ReadBeat(narrowWidth)));
        start = slave(new Stream<>(UInt(sw)));
        wide = master(new Stream<>(new ReadBeat(narrowWidth * ratio)));

        Bool first = reg(Bool()).init(true).named("first");     // the next beat is a piece's first
        Bool fresh = reg(Bool()).init(true).named("fresh");     // the next beat starts a wide beat
        UInt slot = reg(UInt(sw)).init(0).named("slot");
        UInt wordStart = reg(UInt(sw)).init(0).named("wordStart");
        Vec<Bits> parts = reg(Vec(ratio - 1, Bits(narrowWidth))).named("parts");

        UInt s = mux(first, start.payload, slot).named("slotNow");
        UInt ws = mux(fresh, s, wordStart).named("wordStartNow");
        Bool completes = s.eq(ratio - 1).or(narrow.payload.last).named("completes");
        Bool started = first.not().or(start.valid).named("started");
        Bool take = narrow.valid.and(started).and(flush.not()).named("take");

        Bits zero = Bits(0, narrowWidth);
        Bits[] slots = new Bits[ratio];
        for (int j = 0; j < ratio; j++) {
            Bits held = j < ratio - 1 ? mux(ws.le(j).and(s.gt(j)), parts.get(j), zero) : zero;
            slots[ratio - 1 - j] = mux(s.eq(j), narrow.payload.data, held);
        }
        wide.valid.set(take.and(completes));
        wide.payload.data.set(cat(slots));
        wide.payload.last.set(narrow.payload.last);
        narrow.ready.set(started.and(flush.not()).and(completes.not().or(wide.ready)));
        start.ready.set(narrow.fire().and(narrow.payload.last).or(flush));

        when(narrow.fire(), () -> {
            parts.write(s, narrow.payload.data);
            slot.set(s.plus(1));
            wordStart.set(ws);
            fresh.set(completes);
            first.set(narrow.payload.last);
        });
        when(flush, () -> {
            first.set(true);
            fresh.set(true);
        });
    }
}
