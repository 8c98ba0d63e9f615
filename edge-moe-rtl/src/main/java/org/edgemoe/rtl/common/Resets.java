package org.edgemoe.rtl.common;

import org.edgemoe.hdl.core.BitVector;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Data;
import org.edgemoe.hdl.core.Ground;

/** Reset values for aggregate registers. */
public final class Resets {
    private Resets() { }

    /**
     * Gives every leaf of the register {@code reg} (a Bundle or Vec of Bools and bit vectors, e.g. a held command)
     * the reset value zero / false; returns it.
     */
    public static <T extends Data> T zero(T reg) {
        for (Ground g : reg.leaves()) {
            if (g instanceof Bool b) {
                b.init(false);
            } else if (g instanceof BitVector<?> v) {
                v.init(0);
            } else {
                throw new IllegalArgumentException("Resets.zero: leaf " + g + " of " + reg.getClass().getSimpleName()
                        + " is neither a Bool nor a bit vector (give it its own init)");
            }
        }
        return reg;
    }
}
