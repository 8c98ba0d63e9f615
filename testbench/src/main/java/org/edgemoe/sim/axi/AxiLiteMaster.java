package org.edgemoe.sim.axi;

import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimTimeoutException;

/**
 * The host side of an AXI4-Lite subordinate port of a design ({@code <prefix>_awvalid}, {@code _awaddr}, ...):
 * blocking register reads and writes that step the simulation (other agents keep running), as a CPU on
 * M_AXI_HPM0_FPD would issue them. AW and W are offered together; each call waits for its response.
 */
public final class AxiLiteMaster {
    /** A read's data and response. */
    public record ReadResult(long data, int resp) { }

    private final Sim sim;
    private final String prefix;
    private final SimSignal awvalid, awready, awaddr, awprot, wvalid, wready, wdata, wstrb, bvalid, bready, bresp;
    private final SimSignal arvalid, arready, araddr, arprot, rvalid, rready, rdata, rresp;
    private long timeout = 10_000;

    public AxiLiteMaster(Sim sim, String prefix) {
        this.sim = sim;
        this.prefix = prefix;
        awvalid = sim.signal(prefix + "_awvalid");
        awready = sim.signal(prefix + "_awready");
        awaddr = sim.signal(prefix + "_awaddr");
        awprot = sim.hasSignal(prefix + "_awprot") ? sim.signal(prefix + "_awprot") : null;
        wvalid = sim.signal(prefix + "_wvalid");
        wready = sim.signal(prefix + "_wready");
        wdata = sim.signal(prefix + "_wdata");
        wstrb = sim.signal(prefix + "_wstrb");
        bvalid = sim.signal(prefix + "_bvalid");
        bready = sim.signal(prefix + "_bready");
        bresp = sim.signal(prefix + "_bresp");
        arvalid = sim.signal(prefix + "_arvalid");
        arready = sim.signal(prefix + "_arready");
        araddr = sim.signal(prefix + "_araddr");
        arprot = sim.hasSignal(prefix + "_arprot") ? sim.signal(prefix + "_arprot") : null;
        rvalid = sim.signal(prefix + "_rvalid");
        rready = sim.signal(prefix + "_rready");
        rdata = sim.signal(prefix + "_rdata");
        rresp = sim.signal(prefix + "_rresp");
        idle();
    }

    /** Cycles a call may wait for a handshake or a response before it fails (default 10,000). */
    public AxiLiteMaster timeout(long cycles) {
        this.timeout = cycles;
        return this;
    }

    private void idle() {
        awvalid.poke(0);
        wvalid.poke(0);
        bready.poke(0);
        arvalid.poke(0);
        rready.poke(0);
    }

    private void fail(String what, long addr) {
        idle();
        throw new SimTimeoutException(String.format("AXI4-Lite %s %s 0x%x: no %s", prefix, what.split(" ")[0], addr, what)
                + " after " + timeout + " cycles (cycle " + sim.cycle() + ")");
    }

    /** Writes {@code data} with all byte strobes; returns BRESP. */
    public int write(long addr, long data) {
        return write(addr, data, (1L << wstrb.width()) - 1);
    }

    /** Writes {@code data} with the given byte strobes; returns BRESP. */
    public int write(long addr, long data, long strobes) {
        awaddr.poke(addr);
        if (awprot != null) {
            awprot.poke(0);
        }
        wdata.poke(data & (wdata.width() >= 64 ? -1L : (1L << wdata.width()) - 1));
        wstrb.poke(strobes);
        awvalid.poke(1);
        wvalid.poke(1);
        boolean awDone = false;
        boolean wDone = false;
        for (long c = 0; !(awDone && wDone); c++) {
            if (c > timeout) {
                fail("write AWREADY/WREADY", addr);
            }
            boolean awFire = !awDone && awready.peek() != 0;
            boolean wFire = !wDone && wready.peek() != 0;
            sim.step();
            if (awFire) {
                awDone = true;
                awvalid.poke(0);
            }
            if (wFire) {
                wDone = true;
                wvalid.poke(0);
            }
        }
        bready.poke(1);
        for (long c = 0; bvalid.peek() == 0; c++) {
            if (c > timeout) {
                fail("write response", addr);
            }
            sim.step();
        }
        int resp = (int) bresp.peek();
        sim.step();
        bready.poke(0);
        return resp;
    }

    /** Reads a register; returns data and RRESP. */
    public ReadResult readWithResponse(long addr) {
        araddr.poke(addr);
        if (arprot != null) {
            arprot.poke(0);
        }
        arvalid.poke(1);
        for (long c = 0; ; c++) {
            if (c > timeout) {
                fail("read ARREADY", addr);
            }
            boolean fire = arready.peek() != 0;
            sim.step();
            if (fire) {
                break;
            }
        }
        arvalid.poke(0);
        rready.poke(1);
        for (long c = 0; rvalid.peek() == 0; c++) {
            if (c > timeout) {
                fail("read data", addr);
            }
            sim.step();
        }
        ReadResult r = new ReadResult(rdata.peek(), (int) rresp.peek());
        sim.step();
        rready.poke(0);
        return r;
    }

    /** Reads a register's data (the response is checked to be OKAY). */
    public long read(long addr) {
        ReadResult r = readWithResponse(addr);
        if (r.resp() != 0) {
            throw new IllegalStateException(String.format("AXI4-Lite %s read 0x%x answered RRESP %d", prefix, addr, r.resp()));
        }
        return r.data();
    }
}
