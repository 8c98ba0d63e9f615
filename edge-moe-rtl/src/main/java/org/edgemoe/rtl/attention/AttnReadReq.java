package org.edgemoe.rtl.attention;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * A read request onto the Q, K or V buffer: beat {@code part} (elements part*L .. part*L+L-1) of the
 * head-{@code head} row of token {@code token}. The buffer answers each request with one {@link AttnBeat},
 * in request order.
 */
public final class AttnReadReq extends Bundle {
    public final UInt head;
    public final UInt token;
    public final UInt part;
    private final AttnConfig cfg;

    public AttnReadReq(AttnConfig cfg) {
        this.cfg = cfg;
        this.head = UInt(cfg.headWidth());
        this.token = UInt(cfg.tokenWidth());
        this.part = UInt(cfg.partWidth());
    }

    @Override
    public AttnReadReq cloneType() {
        AttnReadReq b = new AttnReadReq(cfg);
        return isFlipped() ? flipped(b) : b;
    }
}
