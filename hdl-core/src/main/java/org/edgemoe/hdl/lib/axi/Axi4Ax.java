package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;

import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Bundle;
import org.edgemoe.hdl.core.UInt;

/**
 * An AXI4 address channel payload (AW or AR), fields in SpinalHDL's order: addr, id, region, len, size, burst,
 * lock, cache, qos, user, prot. Absent optional fields are null.
 */
public final class Axi4Ax extends Bundle {
    public final UInt addr;
    public final UInt id;
    public final UInt region;
    /** Beats minus one (0..255, INCR). */
    public final UInt len;
    /** log2 of the bytes per beat. */
    public final UInt size;
    public final UInt burst;
    public final Bool lock;
    public final UInt cache;
    public final UInt qos;
    public final UInt user;
    public final UInt prot;

    private final Axi4Config config;

    public Axi4Ax(Axi4Config c) {
        this.config = c;
        addr = UInt(c.addressWidth());
        id = c.useId() ? UInt(c.idWidth()) : null;
        region = c.useRegion() ? UInt(4) : null;
        len = UInt(8);
        size = UInt(3);
        burst = UInt(2);
        lock = c.useLock() ? Bool() : null;
        cache = c.useCache() ? UInt(4) : null;
        qos = c.useQos() ? UInt(4) : null;
        user = c.useUser() ? UInt(c.userWidth()) : null;
        prot = c.useProt() ? UInt(3) : null;
    }

    public Axi4Config config() {
        return config;
    }

    /**
     * Drives the fields a plain data mover leaves constant: INCR bursts of full-width beats, id 0, normal
     * non-secure data access ({@code prot = 0}), cache {@code 0b0011} (normal non-cacheable bufferable, what
     * Xilinx recommends for the Zynq HP ports), no lock, qos, region or user.
     */
    public void driveIncrDefaults() {
        size.set(U(config.beatSizeLog2(), 3));
        burst.set(U(Axi4.BURST_INCR, 2));
        if (id != null) {
            id.set(U(0, id.width()));
        }
        if (region != null) {
            region.set(U(0, 4));
        }
        if (lock != null) {
            lock.set(false);
        }
        if (cache != null) {
            cache.set(U(0b0011, 4));
        }
        if (qos != null) {
            qos.set(U(0, 4));
        }
        if (user != null) {
            user.set(U(0, user.width()));
        }
        if (prot != null) {
            prot.set(U(0, 3));
        }
    }

    @Override
    public Axi4Ax cloneType() {
        Axi4Ax c = new Axi4Ax(config);
        return isFlipped() ? flipped(c) : c;
    }
}
