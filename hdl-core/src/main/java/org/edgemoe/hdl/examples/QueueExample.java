package org.edgemoe.hdl.examples;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.lib.Stream;

/** A stream of 16-bit words through a 16-entry FIFO and a register stage. */
public final class QueueExample extends Module {
    public final Stream<UInt> input = slave(new Stream<>(UInt(16)));
    public final Stream<UInt> output = master(new Stream<>(UInt(16)));

    public QueueExample() {
        output.driveFrom(input.queue(16).stage());
    }
}
