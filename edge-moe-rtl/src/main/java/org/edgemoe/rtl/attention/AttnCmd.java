package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** One head of work: {@code head} (0 .. heads-1) over {@code tokens} tokens (1 .. tMax). */
public final class AttnCmd extends Bundle {
    public final UInt head;
    public final UInt tokens;
    private final AttnConfig cfg;

    public AttnCmd(AttnConfig cfg) {
        this.cfg = cfg;
        this.head = UInt(cfg.headWidth());
        this.tokens = UInt(cfg.countWidth());
    }

    @Override
    public AttnCmd cloneType() {
        AttnCmd b = new AttnCmd(cfg);
        return isFlipped() ? flipped(b) : b;
    }
}
