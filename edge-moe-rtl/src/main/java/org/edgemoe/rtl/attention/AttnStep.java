package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * One step of the staggered schedule ({@link AttnSequencer}): block {@code base} (its first query token,
 * a multiple of P) with {@code nq} queries, key-beat index {@code kc} within the block, the token the step
 * reads ({@code key}: (base + kc) mod T for keys, base + kc for queries), row beat {@code part}, and
 * {@code last} / {@code lastOfHead} on the block's and the head's final step.
 */
public final class AttnStep extends Bundle {
    public final UInt head;
    public final UInt tokens;
    public final UInt base;
    public final UInt nq;
    public final UInt kc;
    public final UInt key;
    public final UInt part;
    public final Bool last = Bool();
    public final Bool lastOfHead = Bool();
    private final AttnConfig cfg;

    public AttnStep(AttnConfig cfg) {
        this.cfg = cfg;
        this.head = UInt(cfg.headWidth());
        this.tokens = UInt(cfg.countWidth());
        this.base = UInt(cfg.tokenWidth());
        this.nq = UInt(cfg.nqWidth());
        this.kc = UInt(cfg.kcWidth());
        this.key = UInt(cfg.tokenWidth());
        this.part = UInt(cfg.partWidth());
    }

    @Override
    public AttnStep cloneType() {
        AttnStep b = new AttnStep(cfg);
        return isFlipped() ? flipped(b) : b;
    }
}
