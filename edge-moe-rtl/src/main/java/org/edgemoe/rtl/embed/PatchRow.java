package org.edgemoe.rtl.embed;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/** One row of one patch as it comes from DDR: {@code pixels_<i>}, the raw bytes of columns 0 .. P - 1. */
public final class PatchRow extends Bundle {
    public final Vec<UInt> pixels;

    public PatchRow(int patch) {
        pixels = Vec(patch, UInt(8));
    }

    @Override
    public PatchRow cloneType() {
        PatchRow c = new PatchRow(pixels.size());
        return isFlipped() ? flipped(c) : c;
    }
}
