package org.edgemoe.rtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.ManifestReader;
import org.edgemoe.hdl.emit.ManifestReader.Port;
import org.edgemoe.hdl.emit.ManifestReader.Top;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.rtl.isa.IsaLimits;
import org.edgemoe.rtl.synth.AxiBusPorts.Bus;
import org.edgemoe.rtl.synth.AxiBusPorts.Protocol;
import org.edgemoe.rtl.top.ControlPlane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/** AXI buses and interrupts found from the emitted port names of the org.edgemoe.hdl.lib.axi bundles. */
class AxiBusPortsTest {
    @TempDir
    static Path tmp;
    static ManifestFile m;

    @BeforeAll
    static void emit() throws Exception {
        Path rtl = tmp.resolve("rtl");
        new VerilogEmitter().add(Elaboration.elaborate(() -> new ControlPlane(Axi4Config.of(32, 128, 4), IsaLimits.defaults())).topIR())
                .add(Elaboration.elaborate(AxiTestTops.FiveMasterTop::new).topIR()).write(rtl);
        m = ManifestFile.read(rtl);
    }

    @Test
    void controlPlaneHasALiteSlaveAndAReadMaster() {
        Top t = m.top("ControlPlane");
        List<Bus> b = AxiBusPorts.buses(t);
        assertEquals(List.of("ctrl", "prog"), b.stream().map(Bus::name).toList());
        Bus ctrl = b.get(0);
        assertEquals(Protocol.AXI4LITE, ctrl.protocol());
        assertFalse(ctrl.master());
        assertEquals("READ_WRITE", ctrl.readWriteMode());
        assertEquals(12, ctrl.addressWidth());
        assertEquals(32, ctrl.dataWidth());
        assertEquals(List.of("AWVALID", "AWREADY", "AWADDR", "AWPROT", "WVALID", "WREADY", "WDATA", "WSTRB", "BVALID", "BREADY", "BRESP",
                "ARVALID", "ARREADY", "ARADDR", "ARPROT", "RVALID", "RREADY", "RDATA", "RRESP"), new ArrayList<>(ctrl.portMap().keySet()));
        for (Map.Entry<String, String> e : ctrl.portMap().entrySet()) {
            assertEquals("io_ctrl_" + e.getKey().toLowerCase(), e.getValue());
        }
        Bus prog = b.get(1);
        assertEquals(Protocol.AXI4, prog.protocol());
        assertTrue(prog.master());
        assertEquals("READ_ONLY", prog.readWriteMode());
        assertEquals(128, prog.dataWidth());
        assertEquals(32, prog.addressWidth());
        assertEquals(4, prog.idWidth());
        assertEquals(List.of("ARVALID", "ARREADY", "ARADDR", "ARID", "ARLEN", "ARSIZE", "ARBURST", "ARLOCK", "ARCACHE", "ARQOS", "ARPROT",
                "RVALID", "RREADY", "RDATA", "RID", "RRESP", "RLAST"), new ArrayList<>(prog.portMap().keySet()));
        // the command stream, the unit error bundles and the address outputs are not buses
        assertTrue(AxiBusPorts.busPortNames(b).stream().allMatch(p -> p.startsWith("io_ctrl_") || p.startsWith("io_prog_")));
        assertEquals(List.of("io_interrupt"), AxiBusPorts.interrupts(t).stream().map(Port::name).toList());
    }

    @Test
    void severalMastersOfEachKind() {
        Top t = m.top("FiveMasterTop");
        List<Bus> b = AxiBusPorts.buses(t);
        assertEquals(List.of("regs", "a", "b", "c", "d", "e"), b.stream().map(Bus::name).toList());
        assertEquals(List.of("READ_WRITE", "READ_ONLY", "READ_ONLY", "READ_ONLY", "WRITE_ONLY", "READ_WRITE"),
                b.stream().map(Bus::readWriteMode).toList());
        assertEquals(List.of(false, true, true, true, true, true), b.stream().map(Bus::master).toList());
        assertEquals(List.of(16, 32, 32, 40, 32, 32), b.stream().map(Bus::addressWidth).toList());
        assertEquals(List.of(32, 128, 128, 128, 128, 64), b.stream().map(Bus::dataWidth).toList());
        assertEquals(List.of(0, 2, 2, 0, 3, 1), b.stream().map(Bus::idWidth).toList());
        // the minimal config has no lock/cache/qos/prot: not in the map, and not required
        assertFalse(b.get(2).portMap().containsKey("ARCACHE"));
        assertTrue(b.get(1).portMap().containsKey("ARCACHE"));
        assertEquals(Protocol.AXI4, b.get(2).protocol());
        Bus d = b.get(4);
        assertTrue(d.portMap().keySet().containsAll(List.of("AWLEN", "WLAST", "WSTRB", "BRESP", "BID")), d.portMap().toString());
        assertEquals(37, b.get(5).portMap().size(), "full AXI4 with id, lock, cache, qos, prot, no region or user: 11 + 5 + 4 + 11 + 6");
        assertEquals(List.of("io_interrupt", "io_errorIrq"), AxiBusPorts.interrupts(t).stream().map(Port::name).toList());
        // every port but the clock, reset, interrupts and io_mode belongs to a bus
        long others = t.ports().stream().filter(p -> !AxiBusPorts.busPortNames(b).contains(p.name())).count();
        assertEquals(5, others);
    }

    private static Top withPorts(String json) {
        return ManifestReader.parse("{\"tops\":[{\"name\":\"X\",\"file\":\"X.v\",\"class\":\"X\",\"ports\":[" + json + "]}]}").get(0);
    }

    private static String port(String name, String dir, int width) {
        return "{\"name\":\"" + name + "\",\"direction\":\"" + dir + "\",\"width\":" + width + "}";
    }

    @Test
    void aBusWithASignalMissingOrTurnedIsAnErrorNamingIt() {
        String ar = String.join(",", port("io_m_arvalid", "output", 1), port("io_m_arready", "input", 1), port("io_m_araddr", "output", 32),
                port("io_m_arlen", "output", 8), port("io_m_arsize", "output", 3), port("io_m_arburst", "output", 2));
        String r = String.join(",", port("io_m_rvalid", "input", 1), port("io_m_rready", "output", 1), port("io_m_rdata", "input", 64),
                port("io_m_rresp", "input", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AxiBusPorts.buses(withPorts(ar + "," + r)));
        assertTrue(e.getMessage().contains("AXI4 master m of X lacks io_m_rlast"), e.getMessage());
        String rTurned = r.replace(port("io_m_rready", "output", 1), port("io_m_rready", "input", 1)) + "," + port("io_m_rlast", "input", 1);
        e = assertThrows(IllegalArgumentException.class, () -> AxiBusPorts.buses(withPorts(ar + "," + rTurned)));
        assertTrue(e.getMessage().contains("port io_m_rready is an input, the master's RREADY is an output"), e.getMessage());
        String ok = ar + "," + r + "," + port("io_m_rlast", "input", 1);
        assertEquals(64, AxiBusPorts.buses(withPorts(ok)).get(0).dataWidth());
        e = assertThrows(IllegalArgumentException.class, () -> AxiBusPorts.buses(withPorts(ok + "," + port("io_m_wdata", "output", 64))));
        assertTrue(e.getMessage().contains("io_m_wdata belongs to the write half, which has no io_m_awvalid"), e.getMessage());
        // a wide output named like an interrupt, or an input, is not one
        Top t = withPorts(String.join(",", port("io_irq", "output", 1), port("io_done_interrupt", "output", 1), port("io_interrupt", "input", 1),
                port("io_cuIrq", "output", 2), port("io_interrupted", "output", 1)));
        assertEquals(List.of("io_irq", "io_done_interrupt"), AxiBusPorts.interrupts(t).stream().map(Port::name).toList());
    }
}
