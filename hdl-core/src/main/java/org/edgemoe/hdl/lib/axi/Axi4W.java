package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bits;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/** An AXI4 write data beat: data, strb (one bit per byte), user, last. */
public final class Axi4W extends Bundle {
    public final Bits data;
    public final Bits strb;
    public final UInt user;
    public final Bool last = Bool();

    private final Axi4Config config;

    public Axi4W(Axi4Config c) {
        this.config = c;
        data = Bits(c.dataWidth());
        strb = Bits(c.bytesPerBeat());
        user = c.useUser() ? UInt(c.userWidth()) : null;
    }

    @Override
    public Axi4W cloneType() {
        Axi4W c = new Axi4W(config);
        return isFlipped() ? flipped(c) : c;
    }
}
