package org.edgemoe.rtl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.ManifestReader.Port;
import org.edgemoe.hdl.emit.ManifestReader.Top;
import org.edgemoe.hdl.emit.VerilogEmitter;
import org.edgemoe.hdl.examples.QueueExample;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.rtl.isa.IsaLimits;
import org.edgemoe.rtl.synth.AxiBusPorts.Bus;
import org.edgemoe.rtl.top.AcceleratorConfig;
import org.edgemoe.rtl.top.ControlPlane;
import org.edgemoe.rtl.top.EdgeMoeAccelerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IP packaging and the ZCU102 block design of memory-mapped tops: every AXI bus and interrupt is an interface of
 * the IP with every signal mapped, the masters sit on S_AXI_HP0..3_FPD in order, the slaves on M_AXI_HPM0_FPD, the
 * interrupts on pl_ps_irq0, each with its clock, its port enabled on the PS and its address segment assigned.
 */
class AxiBlockDesignTest {
    @TempDir
    static Path tmp;
    static ManifestFile m;

    @BeforeAll
    static void emit() throws Exception {
        Path rtl = tmp.resolve("rtl");
        new VerilogEmitter().add(Elaboration.elaborate(QueueExample::new).topIR())
                .add(Elaboration.elaborate(() -> new ControlPlane(Axi4Config.of(32, 128, 4), IsaLimits.defaults())).topIR())
                .add(Elaboration.elaborate(AxiTestTops.FiveMasterTop::new).topIR()).write(rtl);
        m = ManifestFile.read(rtl);
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher x = p.matcher(text);
        while (x.find()) {
            out.add(x.groupCount() == 1 ? x.group(1) : x.group(1) + " " + x.group(2));
        }
        return out;
    }

    /** Interface name -> the lines that define it in package_ip.tcl (from its add_bus_interface to the next). */
    private static Map<String, String> interfaceBlocks(String pkg) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String[] parts = pkg.split("(?=set bi \\[ipx::add_bus_interface )");
        for (String part : parts) {
            Matcher x = Pattern.compile("^set bi \\[ipx::add_bus_interface (\\S+) \\$core\\]").matcher(part);
            if (x.find()) {
                out.put(x.group(1), part);
            }
        }
        return out;
    }

    @Test
    void theDefaultTopIsTheFirstMemoryMappedOne() {
        assertEquals("ControlPlane", VivadoScripts.bitstreamTop(m, null).name());
        assertEquals("FiveMasterTop", VivadoScripts.bitstreamTop(m, "FiveMasterTop").name());
        assertFalse(VivadoScripts.isMemoryMapped(m.top("QueueExample")));
        // the stream block keeps its DMA design
        assertTrue(VivadoScripts.generate(m, "QueueExample").get("bd_zcu102.tcl").contains("axi_dma_0/M_AXIS_MM2S"));
    }

    @Test
    void everyBusSignalAndInterruptIsMappedInTheIp() {
        for (String name : List.of("ControlPlane", "FiveMasterTop")) {
            Top t = m.top(name);
            String pkg = VivadoScripts.generate(m, name).get("package_ip.tcl");
            List<Bus> buses = AxiBusPorts.buses(t);
            Map<String, String> blocks = interfaceBlocks(pkg);
            for (Bus b : buses) {
                String block = blocks.get(b.name());
                assertTrue(block != null, name + ": no interface " + b.name() + " in\n" + pkg);
                assertTrue(block.contains("abstraction_type_vlnv xilinx.com:interface:aximm_rtl:1.0"), block);
                assertTrue(block.contains("bus_type_vlnv xilinx.com:interface:aximm:1.0"), block);
                assertTrue(block.contains("interface_mode " + (b.master() ? "master" : "slave")), block);
                List<String> maps = all(Pattern.compile("physical_name (\\S+) \\[ipx::add_port_map (\\S+) \\$bi\\]"), block);
                List<String> expected = new ArrayList<>();
                for (Port p : t.ports()) {
                    if (p.name().startsWith("io_" + b.name() + "_") && b.portMap().containsValue(p.name())) {
                        expected.add(p.name() + " " + p.name().substring(("io_" + b.name() + "_").length()).toUpperCase());
                    }
                }
                assertEquals(expected, maps, name + "/" + b.name() + ": each signal under its AMBA name");
                long range = 1L << b.addressWidth();
                if (b.master()) {
                    assertTrue(block.contains("set as [ipx::add_address_space " + b.name() + " $core]\nset_property range " + range + " $as\nset_property width "
                            + b.dataWidth() + " $as\nset_property master_address_space_ref " + b.name() + " $bi"), block);
                } else {
                    assertTrue(block.contains("set_property slave_memory_map_ref " + b.name() + " $bi\nset ab [ipx::add_address_block reg0 $mm]\nset_property range "
                            + range + " $ab\nset_property width 32 $ab"), block);
                }
            }
            for (Port irq : AxiBusPorts.interrupts(t)) {
                String block = blocks.get(irq.name().substring(3));
                assertTrue(block.contains("xilinx.com:signal:interrupt:1.0") && block.contains("physical_name " + irq.name() + " [ipx::add_port_map INTERRUPT $bi]")
                        && block.contains("value LEVEL_HIGH"), block);
            }
            String clk = blocks.get("clk");
            Matcher assoc = Pattern.compile("set_property value \\{([^}]*)\\} \\[ipx::get_bus_parameters ASSOCIATED_BUSIF").matcher(clk);
            assertTrue(assoc.find(), clk);
            assertTrue(Set.of(assoc.group(1).split(":")).containsAll(buses.stream().map(Bus::name).toList()), assoc.group(1));
            assertTrue(clk.contains("set_property value reset [ipx::get_bus_parameters ASSOCIATED_RESET"), clk);
            assertTrue(blocks.get("reset").contains("ACTIVE_HIGH"));
            // the inferred interfaces, memory maps and address spaces are replaced, not doubled
            assertTrue(pkg.indexOf("ipx::remove_memory_map") < pkg.indexOf("ipx::add_memory_map"), pkg);
            assertTrue(pkg.indexOf("ipx::remove_address_space") < pkg.indexOf("ipx::add_address_space"), pkg);
            Set<String> physical = new HashSet<>(all(Pattern.compile("physical_name (\\S+)"), pkg));
            Set<String> need = new HashSet<>(AxiBusPorts.busPortNames(buses));
            AxiBusPorts.interrupts(t).forEach(p -> need.add(p.name()));
            need.add("clk");
            need.add("reset");
            assertTrue(physical.containsAll(need), name);
            for (String p : physical) {
                assertTrue(t.port(p) != null, name + ": " + p + " is not a port");
            }
        }
    }

    @Test
    void controlPlaneOnTheZcu102() {
        String bd = VivadoScripts.generate(m, "ControlPlane").get("bd_zcu102.tcl");
        assertTrue(bd.contains("create_bd_cell -type ip -vlnv edgemoe.org:hdl:ControlPlane:1.0 ControlPlane_0"), bd);
        assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins ControlPlane_0/prog] [get_bd_intf_pins sc_hp0/S00_AXI]"), bd);
        assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins sc_hp0/M00_AXI] [get_bd_intf_pins zynq_ultra_ps_e_0/S_AXI_HP0_FPD]"), bd);
        assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins zynq_ultra_ps_e_0/M_AXI_HPM0_FPD] [get_bd_intf_pins sc_ctrl/S00_AXI]"), bd);
        assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins sc_ctrl/M00_AXI] [get_bd_intf_pins ControlPlane_0/ctrl]"), bd);
        assertTrue(bd.contains("connect_bd_net [get_bd_pins ControlPlane_0/interrupt] [get_bd_pins zynq_ultra_ps_e_0/pl_ps_irq0]"), bd);
        assertTrue(bd.contains("CONFIG.PSU__USE__S_AXI_GP2 {1} CONFIG.PSU__SAXIGP2__DATA_WIDTH {128} CONFIG.PSU__USE__S_AXI_GP3 {0}"), bd);
        assertTrue(bd.contains("CONFIG.PSU__USE__M_AXI_GP0 {1}") && bd.contains("CONFIG.PSU__USE__IRQ0 {1}"), bd);
        assertTrue(bd.contains("assign_bd_address -offset 0x00000000 -range 2G -target_address_space [get_bd_addr_spaces ControlPlane_0/prog] "
                + "[get_bd_addr_segs zynq_ultra_ps_e_0/SAXIGP2/HP0_DDR_LOW] -force"), bd);
        assertTrue(bd.contains("assign_bd_address -offset 0xA0000000 -range 4K -target_address_space [get_bd_addr_spaces zynq_ultra_ps_e_0/Data] "
                + "[get_bd_addr_segs ControlPlane_0/ctrl/reg0] -force"), bd);
        assertFalse(bd.contains("HP0_DDR_HIGH"), "a 32-bit master reaches the low DDR only");
        assertTrue(bd.contains("connect_bd_net [get_bd_pins rst_pl_clk0/peripheral_reset] [get_bd_pins ControlPlane_0/reset]"), bd);
        assertTrue(bd.contains("# other inputs are left unconnected (Vivado ties them to 0): io_unitsIdle"), bd);
        consistent("ControlPlane", bd);
    }

    @Test
    void fiveMastersShareTheFourHpPortsInOrder() {
        String bd = VivadoScripts.generate(m, "FiveMasterTop").get("bd_zcu102.tcl");
        Top t = m.top("FiveMasterTop");
        List<Bus> masters = AxiBusPorts.buses(t).stream().filter(Bus::master).toList();
        assertEquals(List.of("S_AXI_HP0_FPD", "S_AXI_HP1_FPD", "S_AXI_HP2_FPD", "S_AXI_HP3_FPD", "S_AXI_HP0_FPD"),
                AxiBlockDesign.hpPortOf(masters).stream().map(AxiBlockDesign.HpPort::name).toList());
        List<String> links = all(Pattern.compile("get_bd_intf_pins FiveMasterTop_0/(\\w+)\\] \\[get_bd_intf_pins (sc_hp\\d/S\\d\\d_AXI)\\]"), bd);
        assertEquals(List.of("a sc_hp0/S00_AXI", "e sc_hp0/S01_AXI", "b sc_hp1/S00_AXI", "c sc_hp2/S00_AXI", "d sc_hp3/S00_AXI"), links);
        assertTrue(bd.contains("set_property -dict [list CONFIG.NUM_SI {2} CONFIG.NUM_MI {1}] [get_bd_cells sc_hp0]"), bd);
        for (int k = 0; k < 4; k++) {
            assertTrue(bd.contains("CONFIG.PSU__USE__S_AXI_GP" + (k + 2) + " {1}"), bd);
            assertTrue(bd.contains("[get_bd_intf_pins sc_hp" + k + "/M00_AXI] [get_bd_intf_pins zynq_ultra_ps_e_0/S_AXI_HP" + k + "_FPD]"), bd);
        }
        assertTrue(bd.contains("[get_bd_addr_spaces FiveMasterTop_0/e] [get_bd_addr_segs zynq_ultra_ps_e_0/SAXIGP2/HP0_DDR_LOW]"), bd);
        assertTrue(bd.contains("[get_bd_addr_spaces FiveMasterTop_0/c] [get_bd_addr_segs zynq_ultra_ps_e_0/SAXIGP4/HP2_DDR_HIGH]"), "40-bit master: high DDR too");
        assertTrue(bd.contains("-offset 0xA0000000 -range 64K -target_address_space [get_bd_addr_spaces zynq_ultra_ps_e_0/Data] "
                + "[get_bd_addr_segs FiveMasterTop_0/regs/reg0]"), bd);
        assertTrue(bd.contains("set_property CONFIG.NUM_PORTS {2} [get_bd_cells irq_concat]"), bd);
        assertTrue(bd.contains("[get_bd_pins FiveMasterTop_0/interrupt] [get_bd_pins irq_concat/In0]"), bd);
        assertTrue(bd.contains("[get_bd_pins FiveMasterTop_0/errorIrq] [get_bd_pins irq_concat/In1]"), bd);
        assertTrue(bd.contains("[get_bd_pins irq_concat/dout] [get_bd_pins zynq_ultra_ps_e_0/pl_ps_irq0]"), bd);
        assertTrue(bd.contains("(vivado ties them to 0): io_mode\n".replace("vivado", "Vivado")), bd);
        consistent("FiveMasterTop", bd);
    }

    @Test
    void theAcceleratorIsTheDefaultTopWithItsMastersOnTheHpPortsInOrder() throws Exception {
        Path rtl = tmp.resolve("acc");
        AcceleratorConfig cfg = AcceleratorConfig.defaults();
        new VerilogEmitter().add(Elaboration.elaborate(QueueExample::new).topIR())
                .add(Elaboration.elaborate(() -> new EdgeMoeAccelerator(cfg)).topIR()).write(rtl);
        ManifestFile acc = ManifestFile.read(rtl);
        assertEquals("EdgeMoeAccelerator", VivadoScripts.bitstreamTop(acc, null).name());
        Map<String, String> files = VivadoScripts.generate(acc, null);
        String pkg = files.get("package_ip.tcl");
        Top t = acc.top("EdgeMoeAccelerator");
        // the program port, the weight ports (the weights and the input image striped over them), the output port
        List<String> masters = new ArrayList<>(List.of("prog"));
        for (int i = 0; i < cfg.weightPorts(); i++) {
            masters.add("weights_" + i);
        }
        masters.add("output");
        List<String> all = new ArrayList<>(List.of("ctrl"));
        all.addAll(masters);
        assertEquals(all, AxiBusPorts.buses(t).stream().map(Bus::name).toList());
        assertEquals("WRITE_ONLY", AxiBusPorts.buses(t).get(all.size() - 1).readWriteMode());
        Set<String> busifs = new HashSet<>(all(Pattern.compile("ipx::add_bus_interface (\\S+)"), pkg));
        Set<String> expected = new HashSet<>(all);
        expected.addAll(List.of("interrupt", "clk", "reset"));
        assertEquals(expected, busifs);
        Set<String> physical = new HashSet<>(all(Pattern.compile("physical_name (\\S+)"), pkg));
        Set<String> ports = new HashSet<>();
        t.ports().forEach(p -> ports.add(p.name()));
        assertEquals(ports, physical, "every port of the accelerator is in an interface");
        assertTrue(pkg.contains("set_property value {" + String.join(":", all) + "} [ipx::get_bus_parameters ASSOCIATED_BUSIF"), pkg);
        String bd = files.get("bd_zcu102.tcl");
        String cell = "EdgeMoeAccelerator_0";
        String[] config = {"SAXIGP2", "SAXIGP3", "SAXIGP4", "SAXIGP5"};
        int[] onPort = new int[4];
        for (int i = 0; i < masters.size(); i++) {
            int hp = i % 4;
            String m = masters.get(i);
            assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins " + cell + "/" + m + "] [get_bd_intf_pins sc_hp" + hp + "/S0" + onPort[hp]++
                    + "_AXI]"), m + " on HP" + hp);
            assertTrue(bd.contains("[get_bd_addr_spaces " + cell + "/" + m + "] [get_bd_addr_segs zynq_ultra_ps_e_0/" + config[hp] + "/HP" + hp
                    + "_DDR_LOW] -force"), m);
        }
        for (int hp = 0; hp < Math.min(4, masters.size()); hp++) {
            assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins sc_hp" + hp + "/M00_AXI] [get_bd_intf_pins zynq_ultra_ps_e_0/S_AXI_HP" + hp
                    + "_FPD]"), "HP" + hp);
            assertTrue(bd.contains("CONFIG.PSU__USE__S_AXI_GP" + (hp + 2) + " {1} CONFIG.PSU__" + config[hp] + "__DATA_WIDTH {128}"), "HP" + hp);
        }
        assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins zynq_ultra_ps_e_0/M_AXI_HPM0_FPD] [get_bd_intf_pins sc_ctrl/S00_AXI]"), bd);
        assertTrue(bd.contains("connect_bd_intf_net [get_bd_intf_pins sc_ctrl/M00_AXI] [get_bd_intf_pins " + cell + "/ctrl]"), bd);
        assertTrue(bd.contains("-offset 0xA0000000 -range 4K -target_address_space [get_bd_addr_spaces zynq_ultra_ps_e_0/Data] [get_bd_addr_segs "
                + cell + "/ctrl/reg0] -force"), bd);
        assertTrue(bd.contains("connect_bd_net [get_bd_pins " + cell + "/interrupt] [get_bd_pins zynq_ultra_ps_e_0/pl_ps_irq0]"), bd);
        assertTrue(bd.contains("CONFIG.PSU__USE__M_AXI_GP0 {1}") && bd.contains("CONFIG.PSU__USE__IRQ0 {1}"), bd);
        assertFalse(bd.contains("other inputs are left unconnected"), "every input of the accelerator is on an interface");
        assertFalse(bd.contains("axi_dma"), bd);
        consistentIn(acc, "EdgeMoeAccelerator", bd);
    }

    @Test
    void slavesThatDoNotFitTheControlWindowAreAnError() {
        Bus big = new Bus("huge", AxiBusPorts.Protocol.AXI4LITE, false, true, true, Map.of(), 32, 29, 0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AxiBlockDesign.slaveBases(m.top("ControlPlane"), List.of(big)));
        assertTrue(e.getMessage().contains("256 MB window") && e.getMessage().contains("huge"), e.getMessage());
        Bus a = new Bus("a", AxiBusPorts.Protocol.AXI4LITE, false, true, true, Map.of(), 32, 12, 0);
        Bus b = new Bus("b", AxiBusPorts.Protocol.AXI4LITE, false, true, true, Map.of(), 32, 16, 0);
        assertEquals(List.of(0xA0000000L, 0xA0010000L, 0xA0020000L), AxiBlockDesign.slaveBases(m.top("ControlPlane"), List.of(a, b, a)));
    }

    /** Pins of the top are its IP's interfaces; every HP port used is enabled and clocked, the unused ones disabled. */
    private static void consistent(String name, String bd) {
        consistentIn(m, name, bd);
    }

    private static void consistentIn(ManifestFile m, String name, String bd) {
        Top t = m.top(name);
        Set<String> busifs = new HashSet<>(all(Pattern.compile("ipx::add_bus_interface (\\S+)"), VivadoScripts.generate(m, name).get("package_ip.tcl")));
        for (String pin : all(Pattern.compile(name + "_0/(\\w+)"), bd)) {
            assertTrue(busifs.contains(pin), pin + " is not an interface of the IP " + busifs);
        }
        String clockNet = bd.lines().filter(l -> l.startsWith("connect_bd_net [get_bd_pins zynq_ultra_ps_e_0/pl_clk0]")).findFirst().orElseThrow();
        assertTrue(clockNet.contains(name + "_0/clk]"), clockNet);
        for (int k = 0; k < 4; k++) {
            boolean used = bd.contains("zynq_ultra_ps_e_0/S_AXI_HP" + k + "_FPD]");
            assertEquals(used, bd.contains("CONFIG.PSU__USE__S_AXI_GP" + (k + 2) + " {1}"), "HP" + k);
            assertEquals(used, clockNet.contains("zynq_ultra_ps_e_0/saxihp" + k + "_fpd_aclk]"), "HP" + k + " clock");
            assertEquals(used, clockNet.contains("sc_hp" + k + "/aclk]"), "sc_hp" + k + " clock");
        }
        assertTrue(clockNet.contains("zynq_ultra_ps_e_0/maxihpm0_fpd_aclk]") && clockNet.contains("sc_ctrl/aclk]"), clockNet);
        for (Bus b : AxiBusPorts.buses(t)) {
            assertTrue(bd.contains("[get_bd_intf_pins " + name + "_0/" + b.name() + "]"), b.name() + " connected");
            assertTrue(b.master() ? bd.contains("[get_bd_addr_spaces " + name + "_0/" + b.name() + "]") : bd.contains(name + "_0/" + b.name() + "/reg0]"),
                    b.name() + " address segment");
        }
        assertTrue(bd.indexOf("assign_bd_address") < bd.indexOf("validate_bd_design"));
        assertTrue(bd.contains("write_bitstream"));
    }
}
