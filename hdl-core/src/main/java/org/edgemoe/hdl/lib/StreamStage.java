package org.edgemoe.hdl.lib;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Module;

/**
 * A pipeline register between two streams (SpinalHDL's m2sPipe): valid and payload are registered,
 * ready passes through combinationally, one transfer per cycle.
 */
public final class StreamStage<T extends Data> extends Module {
    public final Stream<T> input;
    public final Stream<T> output;

    public StreamStage(T type) {
        param("WIDTH", type.bitWidth());
        input = slave(new Stream<>(type));
        output = master(new Stream<>(type));

        Bool full = reg(Bool()).init(false).named("full");
        T data = reg(type).named("data");
        input.ready.set(full.not().or(output.ready));
        when(input.ready, () -> {
            full.set(input.valid);
            data.set(input.payload);
        });
        output.valid.set(full);
        output.payload.set(data);
    }
}
