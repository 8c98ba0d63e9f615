package org.edgemoe.rtl.buffer;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;
import org.edgemoe.hdl.core.Vec;

/**
 * A three-deep loop nest over a buffer: {@code addr = base + i0 * strides[0] + i1 * strides[1] + i2 *
 * strides[2]} for {@code i2 < counts[2]} (outer), {@code i1 < counts[1]}, {@code i0 < counts[0]} (inner).
 * Counts are at least 1; addresses wrap at the address width (strides may be used as negative steps).
 */
public final class LoopCmd extends Bundle {
    public static final int LEVELS = 3;
    public final UInt base;
    public final Vec<UInt> counts;
    public final Vec<UInt> strides;

    private final int addrWidth;
    private final int countWidth;

    public LoopCmd(int addrWidth, int countWidth) {
        this.addrWidth = addrWidth;
        this.countWidth = countWidth;
        base = UInt(addrWidth);
        counts = Vec(LEVELS, UInt(countWidth));
        strides = Vec(LEVELS, UInt(addrWidth));
    }

    /** Drives this command as one run of {@code words} consecutive addresses from 0 (counts {words, 1, 1}, strides {1, 0, 0}). */
    public void setRun(UInt words) {
        base.set(U(0, addrWidth));
        counts.get(0).set(words.resize(countWidth));
        for (int i = 1; i < LEVELS; i++) {
            counts.get(i).set(U(1, countWidth));
        }
        for (int i = 0; i < LEVELS; i++) {
            strides.get(i).set(U(i == 0 ? 1 : 0, addrWidth));
        }
    }

    @Override
    public LoopCmd cloneType() {
        LoopCmd c = new LoopCmd(addrWidth, countWidth);
        return isFlipped() ? flipped(c) : c;
    }
}
