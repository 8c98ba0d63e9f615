package org.example.consumer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.UInt;

/** Deliberately wrong: an 8-bit input driven into a 4-bit output (GenerateVerilogIT expects the error). */
public class Broken extends Module {
    public final UInt a = in(UInt(8));
    public final UInt y = out(UInt(4));

    public Broken() {
        y.set(a); // BROKEN-LINE
    }
}
