package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Module;
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

        LoopNest loop = new LoopNest(addrWidth, countWidth);
        cmd.ready.set(loop.active.not());
        addr.valid.set(loop.active);
        addr.payload.addr.set(loop.cur);
        addr.payload.last.set(loop.isLast);
        busy.set(loop.active);
        when(cmd.fire(), () -> loop.load(cmd.payload));
        when(addr.fire(), loop::advance);
    }
}
