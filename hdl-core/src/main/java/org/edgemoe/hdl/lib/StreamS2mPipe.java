package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Module;

/**
 * A skid buffer between two streams (SpinalHDL's s2mPipe): the input's ready is a register, so the ready
 * path is cut; valid and payload pass through combinationally while the buffer is empty. When the output
 * stalls, the payload accepted that cycle waits in the buffer. One transfer per cycle.
 */
public final class StreamS2mPipe<T extends Data> extends Module {
    public final Stream<T> input;
    public final Stream<T> output;

    public StreamS2mPipe(T type) {
        param("WIDTH", type.bitWidth());
        input = slave(new Stream<>(type));
        output = master(new Stream<>(type));

        Bool full = reg(Bool()).init(false).named("full");
        T data = reg(type).named("data");
        when(input.valid, () -> full.set(true));
        when(output.ready, () -> full.set(false));
        when(input.ready, () -> data.set(input.payload));
        input.ready.set(full.not());
        output.valid.set(input.valid.or(full));
        output.payload.set(mux(full, data, input.payload));
    }
}
