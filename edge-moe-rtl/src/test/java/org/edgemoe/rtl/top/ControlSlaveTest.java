package org.edgemoe.rtl.top;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.edgemoe.hdl.lib.regs.RegisterMap;
import org.edgemoe.hdl.lib.regs.RegisterMap.Access;
import org.edgemoe.hdl.lib.regs.RegisterMap.Field;
import org.edgemoe.hdl.lib.regs.RegisterMap.Register;
import org.edgemoe.rtl.testing.VerilatorLint;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.axi.AxiLiteMaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every register of the control slave through AXI4-Lite in Verilator, the run state, the interrupt and the counters. */
class ControlSlaveTest {
    static SimModel model;
    static final RegisterMap MAP = ControlRegisters.MAP;

    @BeforeAll
    static void compile() {
        model = HdlSim.compile(ControlSlave::new);
    }

    static Sim open() {
        Sim sim = model.open();
        for (String s : new String[] {"io_busy", "io_done", "io_error_valid", "io_error_payload_code", "io_error_payload_index",
            "io_error_payload_opcode", "io_error_payload_addr"}) {
            sim.poke(s, 0);
        }
        for (String s : sim.signalNames()) {
            if (s.startsWith("io_activity_") || s.startsWith("io_trace_")) {
                sim.poke(s, 0);
            }
        }
        return sim;
    }

    static long mask(Register r, Access... kinds) {
        long m = 0;
        for (Field f : r.fields()) {
            for (Access k : kinds) {
                if (f.access() == k) {
                    m |= f.mask();
                }
            }
        }
        return m;
    }

    @Test
    void resetValuesRwReadBackAndReadOnlyIgnoresWrites() {
        try (Sim sim = open()) {
            AxiLiteMaster host = new AxiLiteMaster(sim, "io_ctrl");
            sim.reset();
            SplittableRandom r = new SplittableRandom(7);
            for (Register reg : MAP.registers()) {
                long before = host.read(reg.offset());
                assertEquals(reg.reset(), before, reg.name() + " reads its documented reset value");
                long v = r.nextLong() & 0xFFFFFFFFL;
                assertEquals(0, host.write(reg.offset(), v), reg.name() + " BRESP");
                long after = host.read(reg.offset());
                switch (reg.access()) {
                    case "RW" -> assertEquals(v & mask(reg, Access.RW), after, reg.name() + " reads back what was written");
                    case "RO" -> assertEquals(before, after, reg.name() + " is read-only: the write is ignored");
                    default -> { }
                }
            }
            assertEquals(ControlRegisters.ID_VALUE & 0xFFFFFFFFL, host.read(0x3C));
            assertEquals(1, host.read(0x04) & 1, "idle");
            // outputs follow the RW registers
            host.write(0x10, 1);
            host.write(0x14, 0x1234_5670L);
            host.write(0x1C, 0x8000_0000L);
            assertEquals(1, sim.peek("io_task"));
            assertEquals(0x1234_5670L, sim.peek("io_programAddr"));
            assertEquals(0x8000_0000L, sim.peek("io_weightsAddr"));
            // byte strobes: only byte 1 written
            host.write(0x24, 0x11223344L);
            host.write(0x24, 0xAABBCCDDL, 0b0010);
            assertEquals(0x1122CC44L, host.read(0x24), "only byte 1 written");
        }
    }

    @Test
    void unknownAddressesReadZeroWithOkayAndIgnoreWrites() {
        try (Sim sim = open()) {
            AxiLiteMaster host = new AxiLiteMaster(sim, "io_ctrl");
            sim.reset();
            host.write(0x14, 0xCAFE_F00DL);
            for (long a : new long[] {0x68, 0x6C, 0x7C, 0x9C, 0x100, 0x814, 0xFFC}) {
                assertEquals(0, host.write(a, 0xFFFF_FFFFL), "write to 0x" + Long.toHexString(a));
                AxiLiteMaster.ReadResult rr = host.readWithResponse(a);
                assertEquals(0, rr.resp(), "OKAY");
                assertEquals(0, rr.data(), "unknown address 0x" + Long.toHexString(a) + " reads 0");
            }
            assertEquals(0xCAFE_F00DL, host.read(0x14), "no aliasing onto PROGRAM_ADDR");
        }
    }

    @Test
    void startPulsesOnlyWhenIdleAndTheRunStateIsSticky() {
        try (Sim sim = open()) {
            AxiLiteMaster host = new AxiLiteMaster(sim, "io_ctrl");
            sim.reset();
            sim.poke("io_busy", 1);
            host.write(0x00, 1);
            assertEquals(0, sim.peek("io_start"), "START ignored while busy");
            assertEquals(0, host.read(0x04) & 1, "not idle while busy");
            // done: sticky, IRQ status, interrupt when enabled
            sim.poke("io_done", 1);
            sim.step();
            sim.poke("io_done", 0);
            sim.poke("io_busy", 0);
            assertEquals(0b011, host.read(0x04), "idle and done");
            assertEquals(0b01, host.read(0x0C), "IRQ_STATUS.DONE");
            assertEquals(0, sim.peek("io_interrupt"), "not enabled");
            host.write(0x08, 0b01);
            sim.step(2);
            assertEquals(1, sim.peek("io_interrupt"));
            host.write(0x0C, 0b01);   // W1C
            sim.step(2);
            assertEquals(0, sim.peek("io_interrupt"));
            assertEquals(0, host.read(0x0C));
            // error: first one wins, ERROR interrupt
            host.write(0x08, 0b10);
            report(sim, 9, 17, 0x03, 0x1000);
            report(sim, 1, 18, 0x05, 0x2000);
            assertEquals(0b111, host.read(0x04), "idle, error, and done still set from before");
            assertEquals(9, host.read(0x30));
            assertEquals(17 | 0x03 << 16, host.read(0x34));
            assertEquals(0x1000, host.read(0x38));
            sim.step(2);
            assertEquals(1, sim.peek("io_interrupt"));
            // START clears the run state (not the IRQ status)
            host.write(0x00, 1);
            assertEquals(0b001, host.read(0x04));
            assertEquals(0, host.read(0x30));
            assertEquals(0b10, host.read(0x0C));
        }
    }

    static void report(Sim sim, int code, int index, int opcode, long addr) {
        sim.poke("io_error_valid", 1);
        sim.poke("io_error_payload_code", code);
        sim.poke("io_error_payload_index", index);
        sim.poke("io_error_payload_opcode", opcode);
        sim.poke("io_error_payload_addr", addr);
        sim.step();
        sim.poke("io_error_valid", 0);
    }

    @Test
    void startIsAOneCyclePulse() {
        try (Sim sim = open()) {
            sim.reset();
            // drive the bus by hand to see the cycle of the pulse
            sim.poke("io_ctrl_awvalid", 1);
            sim.poke("io_ctrl_awaddr", 0);
            sim.poke("io_ctrl_awprot", 0);
            sim.poke("io_ctrl_wvalid", 1);
            sim.poke("io_ctrl_wdata", 1);
            sim.poke("io_ctrl_wstrb", 0xF);
            sim.poke("io_ctrl_bready", 1);
            sim.poke("io_ctrl_arvalid", 0);
            sim.poke("io_ctrl_rready", 0);
            assertEquals(1, sim.peek("io_ctrl_awready"));
            sim.step();
            sim.poke("io_ctrl_awvalid", 0);
            sim.poke("io_ctrl_wvalid", 0);
            int high = 0;
            for (int i = 0; i < 6; i++) {
                high += (int) sim.peek("io_start");
                sim.step();
            }
            assertEquals(1, high, "exactly one cycle");
        }
    }

    @Test
    void countersClearAtStartAndCountWhileBusy() {
        try (Sim sim = open()) {
            AxiLiteMaster host = new AxiLiteMaster(sim, "io_ctrl");
            sim.reset();
            host.write(0x00, 1);
            sim.poke("io_busy", 1);
            sim.poke("io_activity_cu", 1);
            sim.poke("io_activity_ddrReadBytes", 16);
            sim.poke("io_activity_ddrWriteBytes", 4);
            sim.poke("io_activity_ddrStall", 1);
            sim.poke("io_activity_command", 1);
            sim.step(100);
            sim.poke("io_activity_cu", 0);
            sim.poke("io_activity_ln", 1);
            sim.poke("io_activity_ddrStall", 0);
            sim.poke("io_activity_command", 0);
            sim.step(50);
            sim.poke("io_busy", 0);
            sim.poke("io_activity_ddrReadBytes", 0);
            sim.poke("io_activity_ddrWriteBytes", 0);
            sim.poke("io_activity_ln", 0);
            sim.step();
            assertEquals(150, host.read(0x40), "PERF_CYCLES");
            assertEquals(100, host.read(0x44), "PERF_BUSY_CU");
            assertEquals(50, host.read(0x4C), "PERF_BUSY_LN");
            assertEquals(0, host.read(0x48), "PERF_BUSY_ATTN");
            assertEquals(150 * 16, host.read(0x58), "PERF_DDR_RD_BYTES");
            assertEquals(150 * 4, host.read(0x5C), "PERF_DDR_WR_BYTES");
            assertEquals(100, host.read(0x60), "PERF_DDR_STALL");
            assertEquals(100, host.read(0x64), "PERF_COMMANDS");
            host.write(0x00, 1);
            assertEquals(0, host.read(0x40), "cleared by START");
            assertEquals(0, host.read(0x58));
        }
    }

    @Test
    void comesOutOfResetIdleWhateverItsRegistersHeld() {
        for (int seed = 1; seed <= 3; seed++) {
            try (Sim sim = model.openRandomised(seed)) {
                for (String s : sim.signalNames()) {
                    if (s.startsWith("io_activity_") || s.startsWith("io_error_") || s.startsWith("io_trace_") || s.equals("io_busy")
                            || s.equals("io_done")) {
                        sim.poke(s, 0);
                    }
                }
                AxiLiteMaster host = new AxiLiteMaster(sim, "io_ctrl");
                sim.reset();
                assertEquals(0, sim.peek("io_start"));
                assertEquals(0, sim.peek("io_interrupt"));
                assertEquals(0, sim.peek("io_ctrl_bvalid"));
                assertEquals(0, sim.peek("io_ctrl_rvalid"));
                assertEquals(0b001, host.read(0x04));
                assertEquals(ControlRegisters.WATCHDOG_DEFAULT, host.read(0x2C));
                assertEquals(0, host.read(0x40));
                assertEquals(0, host.read(0x80), "TRACE_COUNT");
                assertEquals(0, host.read(0x90), "no trace entry shows");
            }
        }
    }

    static void event(Sim sim, int index, int opcode, int layer) {
        sim.poke("io_trace_valid", 1);
        sim.poke("io_trace_payload_index", index);
        sim.poke("io_trace_payload_opcode", opcode);
        sim.poke("io_trace_payload_layer", layer);
        sim.step();
        sim.poke("io_trace_valid", 0);
    }

    /** Entry {@code i}: {index | opcode << 16 | layer << 24, cycles, DDR read bytes, DDR write bytes}. */
    static long[] entry(AxiLiteMaster host, int i) {
        host.write(0x88, i);
        return new long[] {host.read(0x8C), host.read(0x90), host.read(0x94), host.read(0x98)};
    }

    @Test
    void theCommandTraceStampsEachEventWithTheCountersAndClearsAtStart() {
        try (Sim sim = open()) {
            AxiLiteMaster host = new AxiLiteMaster(sim, "io_ctrl");
            sim.reset();
            assertEquals(ControlRegisters.TRACE_DEPTH, host.read(0x84), "TRACE_DEPTH");
            host.write(0x00, 1);
            sim.poke("io_busy", 1);
            sim.poke("io_activity_ddrReadBytes", 16);
            long t0 = sim.cycle();
            event(sim, 0, 0x01, 0);
            sim.step(99);
            sim.poke("io_activity_ddrReadBytes", 0);
            sim.poke("io_activity_ddrWriteBytes", 4);
            event(sim, 1, 0x03, 7);                    // 100 cycles later
            sim.step(9);
            event(sim, 2, 0x0F, 11);
            long elapsed = sim.cycle() - t0;
            sim.poke("io_busy", 0);
            sim.poke("io_activity_ddrWriteBytes", 0);
            sim.step();
            assertEquals(3, host.read(0x80), "TRACE_COUNT: three entries, no overflow");
            long[] e0 = entry(host, 0);
            long[] e1 = entry(host, 1);
            long[] e2 = entry(host, 2);
            assertEquals(0x01L << 16, e0[0]);
            assertEquals(1 | 0x03L << 16 | 7L << 24, e1[0]);
            assertEquals(2 | 0x0FL << 16 | 11L << 24, e2[0]);
            assertEquals(100, e1[1] - e0[1], "cycles between the first two events");
            assertEquals(10, e2[1] - e1[1]);
            assertEquals(elapsed - 1, e2[1] - e0[1]);
            assertEquals(100 * 16, e1[2] - e0[2], "DDR bytes read between them");
            assertEquals(0, e1[3] - e0[3]);
            assertEquals(10 * 4, e2[3] - e1[3], "DDR bytes written");
            assertArrayEquals(new long[4], entry(host, 3), "an entry not recorded reads 0");
            assertEquals(3, host.read(0x80), "reading leaves the trace as it is");
            // START empties it: the old entries do not show
            host.write(0x00, 1);
            assertEquals(0, host.read(0x80));
            assertArrayEquals(new long[4], entry(host, 0));
        }
    }

    @Test
    void theCommandTraceKeepsTheFirstEntriesAndFlagsAnOverflow() {
        try (Sim sim = open()) {
            AxiLiteMaster host = new AxiLiteMaster(sim, "io_ctrl");
            sim.reset();
            host.write(0x00, 1);
            sim.poke("io_busy", 1);
            int n = ControlRegisters.TRACE_DEPTH + 5;
            for (int i = 0; i < n; i++) {
                event(sim, i, 0x03, i & 0xFF);
            }
            sim.poke("io_busy", 0);
            assertEquals(ControlRegisters.TRACE_DEPTH | 1 << 16, host.read(0x80), "full, OVERFLOW set");
            long first = entry(host, 0)[1];
            for (int i : new int[] {0, 1, 100, ControlRegisters.TRACE_DEPTH - 1}) {
                long[] e = entry(host, i);
                assertEquals(i | 0x03L << 16 | (long) (i & 0xFF) << 24, e[0], "entry " + i);
                assertEquals(i, e[1] - first, "one cycle apart");
            }
            assertArrayEquals(new long[4], entry(host, ControlRegisters.TRACE_DEPTH), "past the depth reads 0");
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        VerilatorLint.assertClean(ControlSlave::new, dir);
    }
}
