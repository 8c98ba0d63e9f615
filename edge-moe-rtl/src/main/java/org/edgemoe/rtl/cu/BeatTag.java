package org.edgemoe.rtl.cu;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * What travels with an x beat through the {@link MeshWithDelays} to the {@link Accumulator}: whether the stage holds
 * a beat, its token, whether its input tile is the first or the last of the output tile, and the output mode.
 */
public final class BeatTag extends Bundle {
    public final Bool valid = Bool();
    /** Token index within the tile (the accumulator address). */
    public final UInt t;
    /** First input tile: the sum starts from the bias column (no accumulator read). */
    public final Bool first = Bool();
    /** Last input tile: the sum is finished (no accumulator write). */
    public final Bool last = Bool();
    public final OutMode mode = new OutMode();
    private final CuConfig cfg;

    public BeatTag(CuConfig cfg) {
        this.cfg = cfg;
        t = UInt(cfg.tokenIndexWidth());
    }

    /** A tag read from its {@link #toBits()} form (a stage of a tag delay line). */
    static BeatTag from(CuConfig cfg, Bits bits) {
        BeatTag tag = wire(new BeatTag(cfg));
        tag.setFromBits(bits);
        return tag;
    }

    @Override
    public BeatTag cloneType() {
        BeatTag c = new BeatTag(cfg);
        return isFlipped() ? flipped(c) : c;
    }
}
