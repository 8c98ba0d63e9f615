package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** An AXI4 read data beat: data, id, resp, last, user. */
public final class Axi4R extends Bundle {
    public final Bits data;
    public final UInt id;
    public final UInt resp = UInt(2);
    public final Bool last = Bool();
    public final UInt user;

    private final Axi4Config config;

    public Axi4R(Axi4Config c) {
        this.config = c;
        data = Bits(c.dataWidth());
        id = c.useId() ? UInt(c.idWidth()) : null;
        user = c.useUser() ? UInt(c.userWidth()) : null;
    }

    @Override
    public Axi4R cloneType() {
        Axi4R c = new Axi4R(config);
        return isFlipped() ? flipped(c) : c;
    }
}
