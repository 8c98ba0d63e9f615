package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.lib.Stream;

/** The read half of an {@link Axi4} bus (AR, R), same names: {@code io_<bus>_arvalid}, {@code io_<bus>_rdata}... */
public final class Axi4ReadOnly extends Bundle {
    public final Stream<Axi4Ax> ar;
    public final Stream<Axi4R> r;

    private final Axi4Config config;

    public Axi4ReadOnly(Axi4Config c) {
        this.config = c;
        ar = new Stream<>(new Axi4Ax(c));
        r = flipped(new Stream<>(new Axi4R(c)));
    }

    public Axi4Config config() {
        return config;
    }

    @Override
    protected String leafName(String defaultPath) {
        return AxiNames.channelField(defaultPath);
    }

    @Override
    public Axi4ReadOnly cloneType() {
        Axi4ReadOnly c = new Axi4ReadOnly(config);
        return isFlipped() ? flipped(c) : c;
    }
}
