package org.edgemoe.rtl.top;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Flow;

/**
 * The per-command profile in hardware: a {@code depth}-entry memory (block RAM, one {@link TraceEntry} a word)
 * that takes one entry per {@code record} pulse, in order from entry 0, until it is full; further entries are
 * dropped and set {@code overflow}. {@code clear} (START) empties it. The host reads entry {@code select} on
 * {@code entry} (registered, valid the cycle after {@code select} changes); an entry not recorded in this run
 * (select >= entries) reads all zeros, so nothing of an earlier run shows.
 */
public final class CommandTrace extends Module {
    public final Bool clear = in(Bool());
    public final Flow<TraceEntry> record = slave(new Flow<>(new TraceEntry()));
    public final UInt select = in(UInt(16));
    public final UInt entries = out(UInt(16));
    public final Bool overflow = out(Bool());
    public final TraceEntry entry = out(new TraceEntry());

    public CommandTrace(int depth) {
        if (depth < 1 || depth > 0xFFFF) {
            throw new IllegalArgumentException("command trace depth must be 1..65535 entries, was " + depth);
        }
        param("DEPTH", depth);
        int aw = Math.max(1, log2Up(depth));
        Mem<Bits> mem = mem(Bits(TraceEntry.BITS), depth);
        UInt count = reg(UInt(16)).init(0);
        Bool dropped = reg(Bool()).init(false);
        when(clear, () -> {
            count.set(0);
            dropped.set(false);
        }).elsewhen(record.valid, () -> when(count.lt(depth), () -> {
            mem.write(count.resize(aw), record.payload.toBits());
            count.set(count.plus(1));
        }).otherwise(() -> dropped.set(true)));

        Bits word = mem.readSync(select.resize(aw));
        Bool held = regNext(select.lt(count)).init(false).named("held");
        entry.setFromBits(mux(held, word, Bits(0, TraceEntry.BITS)));
        entries.set(count);
        overflow.set(dropped);
    }

    public CommandTrace() {
        this(ControlRegisters.TRACE_DEPTH);
    }
}
