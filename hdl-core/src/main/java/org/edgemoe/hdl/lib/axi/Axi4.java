package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.lib.Stream;

/**
 * A full AXI4 bus: the five channels as streams. {@code master(new Axi4(cfg))} is the manager side (drives
 * AW, W, AR; receives B, R), {@code slave(...)} the subordinate side. Ports carry the specification's names
 * under the bus name, as SpinalHDL's {@code Axi4SpecRenamer} (keeping {@code io_}): {@code io_<bus>_awvalid},
 * {@code io_<bus>_awready}, {@code io_<bus>_awaddr}, ..., {@code io_<bus>_wdata}, {@code io_<bus>_wstrb},
 * {@code io_<bus>_wlast}, {@code io_<bus>_bresp}, {@code io_<bus>_araddr}, {@code io_<bus>_rdata}, {@code io_<bus>_rlast}.
 * Each channel is a {@link Stream}, so queues, stages and arbiters apply to it unchanged.
 */
public final class Axi4 extends Bundle {
    public static final int RESP_OKAY = 0;
    public static final int RESP_EXOKAY = 1;
    public static final int RESP_SLVERR = 2;
    public static final int RESP_DECERR = 3;
    public static final int BURST_FIXED = 0;
    public static final int BURST_INCR = 1;
    public static final int BURST_WRAP = 2;
    /** No INCR burst may cross a 4 KB address boundary (AMBA AXI, A3.4.1). */
    public static final int BOUNDARY_BYTES = 4096;
    /** Longest INCR burst (AXI4). */
    public static final int MAX_BURST_BEATS = 256;

    public final Stream<Axi4Ax> aw;
    public final Stream<Axi4W> w;
    public final Stream<Axi4B> b;
    public final Stream<Axi4Ax> ar;
    public final Stream<Axi4R> r;

    private final Axi4Config config;

    public Axi4(Axi4Config c) {
        this.config = c;
        aw = new Stream<>(new Axi4Ax(c));
        w = new Stream<>(new Axi4W(c));
        b = flipped(new Stream<>(new Axi4B(c)));
        ar = new Stream<>(new Axi4Ax(c));
        r = flipped(new Stream<>(new Axi4R(c)));
    }

    public Axi4Config config() {
        return config;
    }

    /** Connects this bus's read channels to {@code reader} (a read-only manager) and its write channels to {@code writer}. */
    public void driveFrom(Axi4ReadOnly reader, Axi4WriteOnly writer) {
        ar.driveFrom(reader.ar);
        reader.r.driveFrom(r);
        aw.driveFrom(writer.aw);
        w.driveFrom(writer.w);
        writer.b.driveFrom(b);
    }

    @Override
    protected String leafName(String defaultPath) {
        return AxiNames.channelField(defaultPath);
    }

    @Override
    public Axi4 cloneType() {
        Axi4 c = new Axi4(config);
        return isFlipped() ? flipped(c) : c;
    }
}
