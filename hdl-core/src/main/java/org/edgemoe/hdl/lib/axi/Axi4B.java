package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** An AXI4 write response: id, resp ({@link Axi4#RESP_OKAY} ...), user. */
public final class Axi4B extends Bundle {
    public final UInt id;
    public final UInt resp = UInt(2);
    public final UInt user;

    private final Axi4Config config;

    public Axi4B(Axi4Config c) {
        this.config = c;
        id = c.useId() ? UInt(c.idWidth()) : null;
        user = c.useUser() ? UInt(c.userWidth()) : null;
    }

    @Override
    public Axi4B cloneType() {
        Axi4B c = new Axi4B(config);
        return isFlipped() ? flipped(c) : c;
    }
}
