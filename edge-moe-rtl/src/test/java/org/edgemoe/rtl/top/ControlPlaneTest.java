package org.edgemoe.rtl.top;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.rtl.isa.Buf;
import org.edgemoe.rtl.isa.Command;
import org.edgemoe.rtl.isa.ErrorCode;
import org.edgemoe.rtl.isa.Opcode;
import org.edgemoe.rtl.isa.ProgramBuilder;
import org.edgemoe.rtl.isa.SyntheticIndex;
import org.edgemoe.rtl.testing.VerilatorLint;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.axi.AxiLiteMaster;
import org.edgemoe.sim.axi.DdrModel;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane in Verilator with the DDR model and an AXI4-Lite host: a Java-built M3ViT program is fetched,
 * decoded and dispatched field for field, for both tasks; corrupt programs, bad registers, DDR errors, a stuck
 * unit (watchdog) and ABORT end with the right error code and the block idle again, never a hang; the next good
 * run then works without a reset.
 */
class ControlPlaneTest {
    static SimModel model;
    static final long PROG = 0x1000;
    static final long WEIGHTS = 0x10_0000;
    static final String[] LANES = {"op", "bias", "attnBias", "gelu", "resid", "taskSel", "src", "dst", "aux", "layer", "count",
        "inSize", "outSize", "tokens", "weightAddr", "weightBytes", "weightStride", "weight2Addr", "weight2Bytes", "index"};

    @BeforeAll
    static void compile() {
        model = HdlSim.compile(ControlPlane::new);
    }

    static final class Rig implements AutoCloseable {
        final Sim sim = model.open();
        final DdrModel ddr = new DdrModel();
        final AxiLiteMaster host;
        StreamMonitor cmds;

        Rig(boolean consume, double stall) {
            ddr.attach(sim, "io_prog").stalls(stall, 3);
            for (String s : sim.signalNames()) {
                if (s.startsWith("io_unitActivity_") || s.startsWith("io_unitReadError_") || s.startsWith("io_unitWriteError_")) {
                    sim.poke(s, 0);
                }
            }
            sim.poke("io_unitsIdle", 1);
            sim.poke("io_progress", 0);
            sim.poke("io_commandBegin", 1);
            host = new AxiLiteMaster(sim, "io_ctrl");
            if (consume) {
                List<SimSignal> lanes = new ArrayList<>();
                for (String l : LANES) {
                    lanes.add(sim.signal("io_cmd_payload_" + l));
                }
                cmds = new StreamMonitor(sim, StreamPorts.of(sim, "cmd", lanes), 5, stall);
            } else {
                sim.poke("io_cmd_ready", 0);
            }
            sim.reset();
            host.write(0x08, 0b11);   // both interrupts
        }

        /** Loads a program, starts it and waits for the interrupt; returns the ERROR_CODE. */
        ErrorCode run(byte[] program, long progAddr, long progSize, long weightsSize, int task) {
            ddr.memory().write(progAddr, program);
            host.write(0x0C, 0b11);
            host.write(0x14, progAddr);
            host.write(0x18, progSize);
            host.write(0x1C, WEIGHTS);
            host.write(0x20, weightsSize);
            host.write(0x10, task);
            host.write(0x00, 1);
            sim.runUntil(() -> sim.peek("io_interrupt") != 0, 200_000);
            sim.runUntil(() -> sim.peek("io_busy") == 0, 10_000);
            long status = host.read(0x04);
            ErrorCode e = ErrorCode.of((int) host.read(0x30));
            assertEquals(e == ErrorCode.NONE ? 0b011 : 0b101, status, "STATUS after " + e);
            ddr.assertNoViolations();
            return e;
        }

        @Override
        public void close() {
            sim.close();
        }
    }

    /** What the sequencer must dispatch for {@code c} (index {@code i}) on {@code task}. */
    static long[] expected(Command c, int i, int task) {
        long addr = WEIGHTS + c.weightOffset() + (c.has(Command.TASK_SEL) && task == 1 ? c.weightStride() : 0);
        return new long[] {c.opcode().ordinal(), c.has(Command.BIAS) ? 1 : 0, c.has(Command.ATTN_BIAS) ? 1 : 0,
            c.has(Command.GELU) ? 1 : 0, c.has(Command.RESID) ? 1 : 0, c.has(Command.TASK_SEL) ? 1 : 0, c.src().id, c.dst().id,
            c.aux().id, c.layer(), c.count(), c.inSize(), c.outSize(), c.tokens(), addr & 0xFFFFFFFFL, c.weightBytes(),
            c.weightStride(), (WEIGHTS + c.weight2Offset()) & 0xFFFFFFFFL, c.weight2Bytes(), i};
    }

    static void assertDispatched(List<Command> program, List<long[]> got, int from, int task) {
        int k = from;
        for (int i = 0; i < program.size(); i++) {
            Command c = program.get(i);
            if (c.opcode() == Opcode.END || c.opcode() == Opcode.BARRIER) {
                continue;
            }
            assertArrayEquals(expected(c, i, task), got.get(k++), "command " + i + " " + c.opcode());
        }
        assertEquals(k, got.size(), "nothing else dispatched");
    }

    @Test
    void dispatchesAJavaBuiltProgramForBothTasksAndCounts() {
        SyntheticIndex layout = SyntheticIndex.m3vit(2);
        ProgramBuilder pb = ProgramBuilder.m3vit(layout, 2);
        List<Command> program = pb.commands();
        byte[] image = pb.encode();
        try (Rig rig = new Rig(true, 0.3)) {
            for (int task = 0; task < 2; task++) {
                int before = rig.cmds.receivedCount();
                assertEquals(ErrorCode.NONE, rig.run(image, PROG, image.length, layout.size(), task));
                assertDispatched(program, rig.cmds.beats(), before, task);
                assertEquals(program.size() - 1, rig.host.read(0x64), "PERF_COMMANDS");
                assertEquals(image.length, rig.host.read(0x58), "PERF_DDR_RD_BYTES: the program fetch");
                assertTrue(rig.host.read(0x40) > 0);
                assertTrace(rig, program);
            }
        }
    }

    /** The command trace holds one entry per command in program order (END last), stamps rising, within the counters. */
    static void assertTrace(Rig rig, List<Command> program) {
        assertEquals(program.size(), rig.host.read(0x80), "TRACE_COUNT: every command and END");
        long last = -1;
        for (int i = 0; i < program.size(); i++) {
            rig.host.write(0x88, i);
            Command c = program.get(i);
            assertEquals(i | (long) c.opcode().code << 16 | (long) c.layer() << 24, rig.host.read(0x8C), "TRACE_INFO of entry " + i);
            long cycles = rig.host.read(0x90);
            assertTrue(cycles > last, "entry " + i + " after the one before: " + cycles + " vs " + last);
            last = cycles;
            assertTrue(rig.host.read(0x94) <= rig.host.read(0x58), "DDR bytes read so far");
        }
        assertTrue(last < rig.host.read(0x40), "END's stamp within PERF_CYCLES");
    }

    @Test
    void barrierAndEndWaitForTheUnits() {
        SyntheticIndex layout = SyntheticIndex.m3vit(1);
        ProgramBuilder pb = new ProgramBuilder(layout, 129).embed("patch_embed", "pos_embed").barrier()
                .layerNorm(0, Buf.RES, Buf.LNO, "l0.norm1.gamma", "l0.norm1.beta").end();
        byte[] image = pb.encode();
        try (Rig rig = new Rig(true, 0)) {
            rig.sim.poke("io_unitsIdle", 0);
            rig.ddr.memory().write(PROG, image);
            rig.host.write(0x14, PROG);
            rig.host.write(0x18, image.length);
            rig.host.write(0x1C, WEIGHTS);
            rig.host.write(0x20, layout.size());
            rig.host.write(0x00, 1);
            rig.sim.step(500);
            assertEquals(1, rig.cmds.receivedCount(), "held at the BARRIER while a unit is busy");
            rig.sim.poke("io_unitsIdle", 1);
            rig.sim.step();
            rig.sim.poke("io_unitsIdle", 0);
            rig.sim.step(500);
            assertEquals(2, rig.cmds.receivedCount());
            assertEquals(1, rig.sim.peek("io_busy"), "END waits for the units");
            rig.sim.poke("io_unitsIdle", 1);
            rig.sim.runUntil(() -> rig.sim.peek("io_interrupt") != 0, 1000);
            assertEquals(0b011, rig.host.read(0x04));
            assertTrace(rig, pb.commands());
            long[] stamp = new long[4];
            for (int i = 0; i < 4; i++) {
                rig.host.write(0x88, i);
                stamp[i] = rig.host.read(0x90);
            }
            assertTrue(stamp[2] - stamp[1] < 10, "LAYERNORM right after the BARRIER passed: " + stamp[1] + ", " + stamp[2]);
            assertTrue(stamp[3] - stamp[2] >= 490, "END's stamp when the units were idle, about 500 cycles later: " + stamp[2] + ", " + stamp[3]);
        }
    }

    @Test
    void aCommandIsStampedWhenItBeginsNotWhenItIsTaken() {
        SyntheticIndex layout = SyntheticIndex.m3vit(1);
        ProgramBuilder pb = new ProgramBuilder(layout, 129).layerNorm(0, Buf.RES, Buf.LNO, "l0.norm1.gamma", "l0.norm1.beta")
                .linear(0, Command.BIAS, Buf.LNO, Buf.QKV, 192, 576, "l0.qkv").end();
        byte[] image = pb.encode();
        try (Rig rig = new Rig(false, 0)) {
            Sim sim = rig.sim;
            sim.poke("io_commandBegin", 0);
            sim.poke("io_unitsIdle", 0);
            rig.ddr.memory().write(PROG, image);
            rig.host.write(0x14, PROG);
            rig.host.write(0x18, image.length);
            rig.host.write(0x1C, WEIGHTS);
            rig.host.write(0x20, layout.size());
            rig.host.write(0x00, 1);
            long[] taken = new long[2];
            long[] began = new long[2];
            for (int i = 0; i < 2; i++) {
                sim.runUntil(() -> sim.peek("io_cmd_valid") != 0, 1000);
                sim.poke("io_cmd_ready", 1);
                taken[i] = sim.cycle();
                sim.step();
                sim.poke("io_cmd_ready", 0);
                sim.step(100 + 200 * i);           // the command waits for the one before (in the accelerator: a LINEAR)
                sim.poke("io_commandBegin", 1);
                began[i] = sim.cycle();
                sim.step();
                sim.poke("io_commandBegin", 0);
            }
            sim.poke("io_unitsIdle", 1);
            sim.runUntil(() -> sim.peek("io_interrupt") != 0, 1000);
            assertTrace(rig, pb.commands());
            long[] stamp = new long[3];
            for (int i = 0; i < 3; i++) {
                rig.host.write(0x88, i);
                stamp[i] = rig.host.read(0x90);
            }
            assertEquals(began[1] - began[0], stamp[1] - stamp[0], "stamped when they began, " + (taken[1] - taken[0])
                    + " cycles apart when taken");
        }
    }

    @Test
    void corruptProgramsEndWithAnErrorCodeAndTheNextRunWorks() {
        SyntheticIndex layout = SyntheticIndex.m3vit(2);
        ProgramBuilder pb = ProgramBuilder.m3vit(layout, 2);
        List<Command> program = pb.commands();
        byte[] good = pb.encode();
        try (Rig rig = new Rig(true, 0.2)) {
            // unknown opcode at command 5
            byte[] bad = good.clone();
            bad[5 * 32] = 0x42;
            int before = rig.cmds.receivedCount();
            assertEquals(ErrorCode.BAD_OPCODE, rig.run(bad, PROG, bad.length, layout.size(), 0));
            assertEquals(5 | 0x42 << 16, rig.host.read(0x34), "ERROR_INFO: index and opcode");
            assertEquals(5, rig.cmds.receivedCount() - before, "the commands before it were dispatched");
            // a weight block past WEIGHTS_SIZE: the second command's block ends after the first's
            long small = program.get(1).weightOffset() + program.get(1).weightBytes() - 1;
            assertEquals(ErrorCode.ADDRESS_RANGE, rig.run(good, PROG, good.length, small, 0));
            assertEquals(1, rig.host.read(0x34) & 0xFFFF);
            // a size the hardware cannot do
            byte[] size = good.clone();
            size[3 * 32 + 6] = 0;             // tokens = 0 in command 3
            size[3 * 32 + 7] = 0;
            assertEquals(ErrorCode.BAD_SIZE, rig.run(size, PROG, size.length, layout.size(), 0));
            // reserved bits
            byte[] res = good.clone();
            res[2 * 32 + 3] |= (byte) 0x80;   // the high nibble of the aux byte
            assertEquals(ErrorCode.RESERVED_BITS, rig.run(res, PROG, res.length, layout.size(), 0));
            // buffer id 9
            byte[] buf = good.clone();
            buf[4 * 32 + 2] = (byte) 0x91;
            assertEquals(ErrorCode.BAD_BUFFER, rig.run(buf, PROG, buf.length, layout.size(), 0));
            // no END within PROGRAM_SIZE (also a size that is not whole commands: the tail is ignored)
            assertEquals(ErrorCode.NO_END, rig.run(good, PROG, 3 * 32 + 7, layout.size(), 0));
            assertEquals(3, rig.host.read(0x34) & 0xFFFF);
            // a zeroed program area
            assertEquals(ErrorCode.BAD_OPCODE, rig.run(new byte[64], 0x8000, 64, layout.size(), 0));
            // unaligned PROGRAM_ADDR
            assertEquals(ErrorCode.ADDRESS_RANGE, rig.run(good, PROG + 8, good.length, layout.size(), 0));
            assertEquals(PROG + 8, rig.host.read(0x38));
            // and the good program still runs, no reset in between
            int b2 = rig.cmds.receivedCount();
            assertEquals(ErrorCode.NONE, rig.run(good, PROG, good.length, layout.size(), 1));
            assertDispatched(program, rig.cmds.beats(), b2, 1);
        }
    }

    @Test
    void ddrErrorsOnTheProgramFetchAreReported() {
        SyntheticIndex layout = SyntheticIndex.m3vit(12);
        byte[] good = ProgramBuilder.m3vit(layout, 12).encode();     // 93 commands: several fetch chunks
        for (int resp : new int[] {2, 3}) {
            try (Rig rig = new Rig(true, 0.2)) {
                rig.ddr.injectError(PROG + 1024, PROG + 1040, resp);
                assertEquals(ErrorCode.DDR_READ, rig.run(good, PROG, good.length, layout.size(), 0));
                assertEquals(PROG + 1024, rig.host.read(0x38), "ERROR_ADDR: the failing burst");
                assertTrue(rig.cmds.receivedCount() <= 1024 / 32, "stopped before the failing commands: " + rig.cmds.receivedCount());
                rig.ddr.clearErrors();
                int b = rig.cmds.receivedCount();
                assertEquals(ErrorCode.NONE, rig.run(good, PROG, good.length, layout.size(), 0));
                assertEquals(good.length / 32 - 1, rig.cmds.receivedCount() - b, "every command but END");
            }
        }
    }

    @Test
    void aStuckUnitTripsTheWatchdogAndAbortStopsARun() {
        SyntheticIndex layout = SyntheticIndex.m3vit(2);
        byte[] good = ProgramBuilder.m3vit(layout, 2).encode();
        try (Rig rig = new Rig(false, 0)) {
            rig.host.write(0x2C, 1000);
            long t0 = rig.sim.cycle();
            assertEquals(ErrorCode.WATCHDOG, rig.run(good, PROG, good.length, layout.size(), 0));
            assertTrue(rig.sim.cycle() - t0 < 3000, "within the watchdog time");
            assertEquals(0, rig.host.read(0x34) & 0xFFFF, "stuck on the first command");
            rig.host.write(0x2C, 0);   // watchdog off: only ABORT ends it
            rig.ddr.memory().write(PROG, good);
            rig.host.write(0x0C, 0b11);
            rig.host.write(0x00, 1);
            rig.sim.step(5000);
            assertEquals(1, rig.sim.peek("io_busy"));
            rig.host.write(0x00, 0b10);
            rig.sim.runUntil(() -> rig.sim.peek("io_busy") == 0, 1000);
            assertEquals(ErrorCode.ABORTED.code, rig.host.read(0x30));
        }
    }

    @Test
    void comesOutOfResetIdleWhateverItsRegistersHeld() {
        for (int seed = 1; seed <= 3; seed++) {
            try (Sim sim = model.openRandomised(seed)) {
                for (String s : sim.signalNames()) {
                    if (s.startsWith("io_") && sim.signal(s).direction() == org.edgemoe.sim.Direction.INPUT) {
                        sim.poke(s, 0);
                    }
                }
                sim.reset();
                assertEquals(0, sim.peek("io_busy"));
                assertEquals(0, sim.peek("io_cmd_valid"));
                assertEquals(0, sim.peek("io_prog_arvalid"));
                assertEquals(0, sim.peek("io_interrupt"));
                assertEquals(0, sim.peek("io_ctrl_bvalid"));
                assertEquals(0, sim.peek("io_ctrl_rvalid"));
            }
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        VerilatorLint.assertClean(ControlPlane::new, dir);
    }

}
