package org.edgemoe.hdl.lib.axi;

import static org.edgemoe.hdl.core.Hdl.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.core.Design;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.ir.Signal;
import org.edgemoe.hdl.ir.SignalKind;
import org.edgemoe.hdl.testing.Elab;
import org.edgemoe.hdl.testing.Emit;
import org.edgemoe.hdl.testing.Tool;
import org.edgemoe.hdl.testing.Workdir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port names and directions of the AXI bundles (SpinalHDL's Axi4SpecRenamer names), and a lint-clean pass-through. */
class AxiBundlesTest {

    /** A subordinate port forwarded to a manager port, each channel through a register stage; plus Lite and Stream. */
    static final class Bridge extends Module {
        final Axi4 s;
        final Axi4 m;
        final AxiLite4 ls;
        final AxiLite4 lm;
        final Axi4Stream in;
        final Axi4Stream out;
        final Axi4ReadOnly ro;
        final Axi4WriteOnly wo;
        final Axi4 joined;

        Bridge(Axi4Config c) {
            s = slave(new Axi4(c));
            m = master(new Axi4(c));
            m.aw.driveFrom(s.aw.stage());
            m.w.driveFrom(s.w.stage());
            s.b.driveFrom(m.b.stage());
            m.ar.driveFrom(s.ar.stage());
            s.r.driveFrom(m.r.stage());
            ls = slave(new AxiLite4(16, 32));
            lm = master(new AxiLite4(16, 32));
            lm.connectFrom(ls);
            in = slave(new Axi4Stream(Axi4Stream.Config.of(4)));
            out = master(new Axi4Stream(Axi4Stream.Config.of(4)));
            out.connectFrom(in);
            ro = slave(new Axi4ReadOnly(c));
            wo = slave(new Axi4WriteOnly(c));
            joined = master(new Axi4(c));
            joined.driveFrom(ro, wo);
        }
    }

    static final Axi4Config CFG = Axi4Config.of(40, 128, 4);

    static Map<String, Signal> ports(Design<?> d) {
        Map<String, Signal> out = new LinkedHashMap<>();
        for (Signal p : d.topIR().ports()) {
            out.put(p.name(), p);
        }
        return out;
    }

    static void assertPort(Map<String, Signal> ports, String name, SignalKind kind, int width) {
        Signal s = ports.get(name);
        assertNotNull(s, name + " missing; ports: " + ports.keySet());
        assertEquals(kind, s.kind(), name);
        assertEquals(width, s.width(), name);
    }

    @Test
    void axi4ManagerAndSubordinatePortsFollowTheSpecificationNames() {
        Map<String, Signal> p = ports(Elab.build(() -> new Bridge(CFG)));
        SignalKind in = SignalKind.INPUT;
        SignalKind out = SignalKind.OUTPUT;
        // manager side: drives AW/W/AR, receives B/R
        assertPort(p, "io_m_awvalid", out, 1);
        assertPort(p, "io_m_awready", in, 1);
        assertPort(p, "io_m_awaddr", out, 40);
        assertPort(p, "io_m_awid", out, 4);
        assertPort(p, "io_m_awlen", out, 8);
        assertPort(p, "io_m_awsize", out, 3);
        assertPort(p, "io_m_awburst", out, 2);
        assertPort(p, "io_m_awlock", out, 1);
        assertPort(p, "io_m_awcache", out, 4);
        assertPort(p, "io_m_awqos", out, 4);
        assertPort(p, "io_m_awprot", out, 3);
        assertPort(p, "io_m_wdata", out, 128);
        assertPort(p, "io_m_wstrb", out, 16);
        assertPort(p, "io_m_wlast", out, 1);
        assertPort(p, "io_m_wready", in, 1);
        assertPort(p, "io_m_bvalid", in, 1);
        assertPort(p, "io_m_bready", out, 1);
        assertPort(p, "io_m_bresp", in, 2);
        assertPort(p, "io_m_bid", in, 4);
        assertPort(p, "io_m_arvalid", out, 1);
        assertPort(p, "io_m_araddr", out, 40);
        assertPort(p, "io_m_rvalid", in, 1);
        assertPort(p, "io_m_rready", out, 1);
        assertPort(p, "io_m_rdata", in, 128);
        assertPort(p, "io_m_rresp", in, 2);
        assertPort(p, "io_m_rlast", in, 1);
        assertPort(p, "io_m_rid", in, 4);
        // subordinate side: every direction reversed
        assertPort(p, "io_s_awvalid", in, 1);
        assertPort(p, "io_s_awready", out, 1);
        assertPort(p, "io_s_bresp", out, 2);
        assertPort(p, "io_s_rdata", out, 128);
        assertPort(p, "io_s_rready", in, 1);
        assertFalse(p.containsKey("io_m_awregion"), "no region by default");
        assertFalse(p.keySet().stream().anyMatch(n -> n.contains("payload") || n.contains("_aw_")), p.keySet().toString());
        // read-only / write-only halves joined into one bus
        assertPort(p, "io_ro_arvalid", in, 1);
        assertPort(p, "io_ro_rdata", out, 128);
        assertPort(p, "io_wo_wstrb", in, 16);
        assertPort(p, "io_joined_araddr", out, 40);
        assertFalse(p.containsKey("io_ro_awvalid"));
    }

    @Test
    void axiLiteAndAxiStreamNames() {
        Map<String, Signal> p = ports(Elab.build(() -> new Bridge(CFG)));
        SignalKind in = SignalKind.INPUT;
        SignalKind out = SignalKind.OUTPUT;
        assertPort(p, "io_ls_awvalid", in, 1);
        assertPort(p, "io_ls_awaddr", in, 16);
        assertPort(p, "io_ls_awprot", in, 3);
        assertPort(p, "io_ls_wdata", in, 32);
        assertPort(p, "io_ls_wstrb", in, 4);
        assertPort(p, "io_ls_bresp", out, 2);
        assertPort(p, "io_ls_arready", out, 1);
        assertPort(p, "io_ls_rdata", out, 32);
        assertPort(p, "io_ls_rresp", out, 2);
        assertPort(p, "io_lm_awvalid", out, 1);
        assertPort(p, "io_in_tvalid", in, 1);
        assertPort(p, "io_in_tready", out, 1);
        assertPort(p, "io_in_tdata", in, 32);
        assertPort(p, "io_in_tkeep", in, 4);
        assertPort(p, "io_in_tlast", in, 1);
        assertPort(p, "io_out_tvalid", out, 1);
        assertPort(p, "io_out_tready", in, 1);
    }

    @Test
    void optionalSignalsFollowTheConfig() {
        Axi4Config c = new Axi4Config(32, 64, 0, true, false, false, false, false, 2);
        Map<String, Signal> p = ports(Elab.build(() -> new Bridge(c)));
        assertPort(p, "io_m_awregion", SignalKind.OUTPUT, 4);
        assertPort(p, "io_m_awuser", SignalKind.OUTPUT, 2);
        assertPort(p, "io_m_ruser", SignalKind.INPUT, 2);
        assertFalse(p.containsKey("io_m_awid"));
        assertFalse(p.containsKey("io_m_rid"));
        assertFalse(p.containsKey("io_m_awcache"));
        assertFalse(p.containsKey("io_m_awprot"));
        assertPort(p, "io_m_wstrb", SignalKind.OUTPUT, 8);
        assertEquals(3, c.beatSizeLog2());
    }

    @Test
    void badWidthsAreRejectedWithTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Axi4Config.of(32, 96, 1)).getMessage().contains("96"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Axi4Config.of(8, 64, 1)).getMessage().contains("was 8"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AxiLite4(12, 128)).getMessage().contains("128"));
    }

    @Test
    void namedGivesTheSameSpecificationNames() {
        Design<?> d = Elab.build(() -> new org.edgemoe.hdl.testing.TestModule("Named", () -> {
                AxiLite4 bus = slave(new AxiLite4(8, 32)).named("s_axi");
                bus.aw.ready.set(true);
                bus.w.ready.set(true);
                bus.b.valid.set(false);
                bus.b.payload.resp.set(U(0, 2));
                bus.ar.ready.set(true);
                bus.r.valid.set(false);
                bus.r.payload.data.set(Bits(0, 32));
                bus.r.payload.resp.set(U(0, 2));
        }));
        List<String> names = d.topIR().ports().stream().map(Signal::name).toList();
        assertTrue(names.containsAll(List.of("s_axi_awvalid", "s_axi_awaddr", "s_axi_wdata", "s_axi_bready", "s_axi_rresp")), names.toString());
    }

    @TempDir Path tmp;

    @Test
    void bridgeIsVerilatorLintClean() {
        Tool.assumeVerilator();
        List<String> files = Workdir.write(Emit.of(() -> new Bridge(CFG)), tmp);
        Tool.Result r = Tool.run(tmp, Tool.concat(List.of("verilator", "--lint-only", "-Wall", "--top-module", "Bridge"), files), 300);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), "verilator warnings");
    }
}
