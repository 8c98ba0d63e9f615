package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.lib.Stream;

/** The write half of an {@link Axi4} bus (AW, W, B), same names: {@code io_<bus>_awvalid}, {@code io_<bus>_wdata}... */
public final class Axi4WriteOnly extends Bundle {
    public final Stream<Axi4Ax> aw;
    public final Stream<Axi4W> w;
    public final Stream<Axi4B> b;

    private final Axi4Config config;

    public Axi4WriteOnly(Axi4Config c) {
        this.config = c;
        aw = new Stream<>(new Axi4Ax(c));
        w = new Stream<>(new Axi4W(c));
        b = flipped(new Stream<>(new Axi4B(c)));
    }

    public Axi4Config config() {
        return config;
    }

    @Override
    protected String leafName(String defaultPath) {
        return AxiNames.channelField(defaultPath);
    }

    @Override
    public Axi4WriteOnly cloneType() {
        Axi4WriteOnly c = new Axi4WriteOnly(config);
        return isFlipped() ? flipped(c) : c;
    }
}
