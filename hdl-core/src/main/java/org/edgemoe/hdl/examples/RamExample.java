package org.edgemoe.hdl.examples;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Mem;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/** A simple dual-port block RAM: one synchronous write port, one registered read port, initial contents. */
public final class RamExample extends Module {
    public final Bool writeEnable = in(Bool());
    public final UInt writeAddress = in(UInt(10));
    public final UInt writeData = in(UInt(32));
    public final Bool readEnable = in(Bool());
    public final UInt readAddress = in(UInt(10));
    public final UInt readData = out(UInt(32));

    public RamExample() {
        Mem<UInt> ram = mem(UInt(32), 1024);
        long[] init = new long[16];
        for (int i = 0; i < init.length; i++) {
            init[i] = 0x1000L * i + i;
        }
        ram.init(init);
        when(writeEnable, () -> ram.write(writeAddress, writeData));
        readData.set(ram.readSync(readAddress, readEnable));
    }
}
