package org.edgemoe.rtl.axi;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.rtl.testing.VerilatorLint;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.axi.DdrConfig;
import org.edgemoe.sim.axi.DdrMemory;
import org.edgemoe.sim.axi.DdrModel;
import org.edgemoe.sim.axi.DdrPort;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AXI4 read and write masters against the DDR model in Verilator: random addresses and odd lengths, 4 KB
 * crossings, random stalls on every channel, SLVERR / DECERR, reset in the middle of traffic; the model's
 * protocol checker must see no violation.
 */
class AxiMastersTest {
    static final int BEAT = 16;
    static SimModel reader;
    static SimModel writer;

    @BeforeAll
    static void compile() {
        reader = HdlSim.compile(() -> new AxiReadMaster());
        writer = HdlSim.compile(() -> new AxiWriteMaster());
    }

    record Transfer(long addr, int bytes) {
        long firstWord() {
            return addr / BEAT;
        }

        int beats() {
            return bytes == 0 ? 0 : (int) ((addr + bytes - 1) / BEAT - addr / BEAT + 1);
        }
    }

    static void fill(DdrMemory m, long from, int bytes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < bytes; i++) {
            m.writeByte(from + i, r.nextInt(256));
        }
    }

    static BigInteger word(DdrMemory m, long wordIndex) {
        byte[] b = m.read(wordIndex * BEAT, BEAT);
        byte[] be = new byte[BEAT + 1];
        for (int i = 0; i < BEAT; i++) {
            be[BEAT - i] = b[i];
        }
        return new BigInteger(be);
    }

    /** Transfers with odd lengths, unaligned starts, 4 KB crossings and a few longer than one 256-beat burst. */
    static List<Transfer> randomTransfers(SplittableRandom r, int n, long base) {
        List<Transfer> out = new ArrayList<>();
        out.add(new Transfer(base + 4096 - 16, 32));        // exactly across a page
        out.add(new Transfer(base + 3, 1));                  // one byte
        out.add(new Transfer(base + 8192 + 5, 4096 * 2 + 7)); // several bursts, unaligned both ends
        out.add(new Transfer(base, 0));                       // no-op
        for (int i = 0; i < n; i++) {
            long a = base + r.nextLong(60_000);
            int len = r.nextInt(10) == 0 ? 1 + r.nextInt(20_000) : 1 + r.nextInt(700);
            out.add(new Transfer(a, len));
        }
        return out;
    }

    StreamMonitor readRun(Sim sim, DdrModel ddr, List<Transfer> ts, long seed, double stall) {
        StreamDriver cmd = new StreamDriver(sim, "cmd", seed, stall);
        StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), seed + 1, stall);
        for (Transfer t : ts) {
            cmd.enqueue(t.addr(), t.bytes());
        }
        return data;
    }

    @Test
    void readsOddLengthsAcross4kBoundariesUnderRandomStalls() {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            double stall = 0.25 * (seed - 1);
            try (Sim sim = reader.open()) {
                DdrModel ddr = new DdrModel();
                DdrPort port = ddr.attach(sim, "io_axi").stalls(stall, seed + 7);
                fill(ddr.memory(), 0x10000, 90_000, seed);
                sim.poke("io_clear", 0);
                sim.reset();
                List<Transfer> ts = randomTransfers(r, 25, 0x10000);
                StreamMonitor data = readRun(sim, ddr, ts, seed, stall);
                int beats = ts.stream().mapToInt(Transfer::beats).sum();
                sim.runUntil(() -> data.receivedCount() >= beats, 2_000_000);
                sim.step(50);
                List<BigInteger> got = data.receivedBig();
                assertEquals(beats, got.size(), "beats");
                int k = 0;
                for (Transfer t : ts) {
                    for (int i = 0; i < t.beats(); i++, k++) {
                        BigInteger want = word(ddr.memory(), t.firstWord() + i);
                        if (i == t.beats() - 1) {
                            want = want.setBit(128);
                        }
                        assertEquals(want, got.get(k), "transfer " + t + " beat " + i);
                    }
                }
                ddr.assertNoViolations();
                assertEquals(0, sim.peek("io_busy"));
                assertEquals(0, sim.peek("io_error_valid"));
                assertTrue(port.maxReadsInFlight() >= 2, "several reads outstanding: " + port.maxReadsInFlight());
            }
        }
    }

    @Test
    void longReadsKeepTheBusBusy() {
        try (Sim sim = reader.open()) {
            DdrModel ddr = new DdrModel();
            DdrPort port = ddr.attach(sim, "io_axi");
            sim.poke("io_clear", 0);
            sim.reset();
            int bytes = 256 * 1024;
            StreamDriver cmd = new StreamDriver(sim, "cmd", 1, 0);
            StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 2, 0);
            cmd.enqueue(0x100000, bytes);
            long start = sim.cycle();
            sim.runUntil(() -> data.receivedCount() >= bytes / BEAT, 100_000);
            long cycles = sim.cycle() - start;
            double efficiency = (double) (bytes / BEAT) / cycles;
            // one beat per cycle after the first read latency: 8 outstanding 256-beat bursts hide 45 cycles
            assertTrue(efficiency > 0.97, "read efficiency " + efficiency + " over " + cycles + " cycles");
            assertEquals(bytes / (BEAT * 256), port.readBursts());
            ddr.assertNoViolations();
        }
    }

    @Test
    void readErrorsSetTheStatusAndStopCleanly() {
        for (int resp : new int[] {2, 3}) {
            try (Sim sim = reader.open()) {
                DdrModel ddr = new DdrModel().injectError(0x20000, 0x20010, resp);
                ddr.attach(sim, "io_axi").stalls(0.2, resp);
                sim.poke("io_clear", 0);
                sim.reset();
                StreamDriver cmd = new StreamDriver(sim, "cmd", 3, 0.2);
                StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 4, 0.2);
                cmd.enqueue(0x10000, 4096);          // fine: 256 beats
                cmd.enqueue(0x1F000, 3 * 4096);      // its second burst fails
                cmd.enqueue(0x30000, 4096);          // dropped after the error
                sim.runUntil(() -> sim.peek("io_error_valid") != 0, 50_000);
                sim.runUntil(() -> sim.peek("io_busy") == 0 && cmd.isIdle(), 50_000);
                assertEquals(resp, sim.peek("io_error_resp"));
                assertEquals(0x20000, sim.peek("io_error_addr"));
                int n = data.receivedCount();
                assertTrue(n >= 256 && n < 256 + 3 * 256, "data beats " + n);
                sim.step(200);
                assertEquals(n, data.receivedCount(), "nothing delivered after the error");
                assertEquals(0, sim.peek("io_axi_arvalid"), "no burst issued after the error");
                ddr.assertNoViolations();
                assertTrue(ddr.ports().get(0).idleNow());
                // clear re-arms the master
                sim.poke("io_clear", 1);
                sim.step();
                sim.poke("io_clear", 0);
                assertEquals(0, sim.peek("io_error_valid"));
                cmd.enqueue(0x40000, 100);
                sim.runUntil(() -> data.receivedCount() == n + 7, 10_000);
            }
        }
    }

    @Test
    void resetInTheMiddleOfTrafficComesBackIdle() {
        try (Sim sim = reader.open()) {
            DdrModel ddr = new DdrModel();
            ddr.attach(sim, "io_axi").stalls(0.3, 5);
            sim.poke("io_clear", 0);
            sim.reset();
            StreamDriver cmd = new StreamDriver(sim, "cmd", 5, 0);
            StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 6, 0.5);
            cmd.enqueue(0x0, 64 * 1024);
            sim.step(300);
            assertEquals(1, sim.peek("io_busy"));
            sim.reset();
            assertEquals(0, sim.peek("io_busy"));
            assertEquals(0, sim.peek("io_axi_arvalid"));
            assertEquals(0, sim.peek("io_data_valid"));
            assertEquals(0, sim.peek("io_error_valid"));
            int before = data.receivedCount();
            fill(ddr.memory(), 0x5000, 64, 9);
            cmd.enqueue(0x5000, 64);
            sim.runUntil(() -> data.receivedCount() == before + 4, 10_000);
            assertEquals(word(ddr.memory(), 0x5000 / BEAT), data.receivedBig().get(before));
            ddr.assertNoViolations();
        }
    }

    @Test
    void bothMastersComeOutOfResetIdleWhateverTheirRegistersHeld() {
        for (int seed = 1; seed <= 3; seed++) {
            for (SimModel m : List.of(reader, writer)) {
                try (Sim sim = m.openRandomised(seed)) {
                    sim.poke("io_clear", 0);
                    sim.poke("io_cmd_valid", 0);
                    sim.poke("io_data_" + (m == reader ? "ready" : "valid"), 0);
                    sim.reset();
                    assertEquals(0, sim.peek("io_busy"), m.top());
                    assertEquals(0, sim.peek("io_error_valid"), m.top());
                    assertEquals(0, sim.peek(m == reader ? "io_axi_arvalid" : "io_axi_awvalid"), m.top());
                    if (m == writer) {
                        assertEquals(0, sim.peek("io_axi_wvalid"));
                    } else {
                        assertEquals(0, sim.peek("io_data_valid"));
                    }
                }
            }
        }
    }

    /** Drives the write master: transfers and their beats (the bytes of {@code image} at the transfer's words). */
    static void enqueueWrite(StreamDriver cmd, StreamDriver data, Transfer t, DdrMemory image) {
        cmd.enqueue(t.addr(), t.bytes());
        for (int i = 0; i < t.beats(); i++) {
            data.enqueue(word(image, t.firstWord() + i));
        }
    }

    @Test
    void writesOddLengthsWithStrobesUnderRandomStalls() {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom r = new SplittableRandom(seed + 100);
            double stall = 0.25 * (seed - 1);
            try (Sim sim = writer.open()) {
                DdrModel ddr = new DdrModel();
                ddr.attach(sim, "io_axi").stalls(stall, seed);
                DdrMemory image = new DdrMemory();
                fill(image, 0, 100_000, seed + 1);
                fill(ddr.memory(), 0, 100_000, seed + 2);       // what must survive outside the transfers
                DdrMemory want = new DdrMemory();
                for (int i = 0; i < 100_000; i++) {
                    want.writeByte(i, ddr.memory().readByte(i));
                }
                sim.poke("io_clear", 0);
                sim.reset();
                StreamDriver cmd = new StreamDriver(sim, "cmd", seed, stall);
                StreamDriver data = new StreamDriver(sim, "data", seed + 1, stall);
                List<Transfer> ts = randomTransfers(r, 20, 0);
                for (Transfer t : ts) {
                    enqueueWrite(cmd, data, t, image);
                    for (int i = 0; i < t.bytes(); i++) {
                        want.writeByte(t.addr() + i, image.readByte(t.addr() + i));
                    }
                }
                sim.runUntil(() -> data.isIdle() && cmd.isIdle(), 2_000_000);
                sim.runUntil(() -> sim.peek("io_busy") == 0, 100_000);
                for (int i = 0; i < 100_000; i++) {
                    if (want.readByte(i) != ddr.memory().readByte(i)) {
                        fail(String.format("byte 0x%x: want %d, DDR has %d", i, want.readByte(i), ddr.memory().readByte(i)));
                    }
                }
                ddr.assertNoViolations();
                assertEquals(0, sim.peek("io_error_valid"));
            }
        }
    }

    @Test
    void writeErrorsSetTheStatusDrainTheDataAndWriteNothingMore() {
        try (Sim sim = writer.open()) {
            DdrModel ddr = new DdrModel().injectError(0x9000, 0x9100, 2);
            ddr.attach(sim, "io_axi").stalls(0.2, 3);
            sim.poke("io_clear", 0);
            sim.reset();
            DdrMemory image = new DdrMemory();
            fill(image, 0, 0x20000, 4);
            StreamDriver cmd = new StreamDriver(sim, "cmd", 5, 0.1);
            StreamDriver data = new StreamDriver(sim, "data", 6, 0.1);
            enqueueWrite(cmd, data, new Transfer(0x1000, 4096), image);
            enqueueWrite(cmd, data, new Transfer(0x8000, 3 * 4096), image);     // second burst: SLVERR
            enqueueWrite(cmd, data, new Transfer(0x10000, 4096), image);        // after the error: dropped
            sim.runUntil(() -> data.isIdle() && cmd.isIdle() && sim.peek("io_busy") == 0, 200_000);
            assertEquals(1, sim.peek("io_error_valid"));
            assertEquals(2, sim.peek("io_error_resp"));
            assertEquals(0x9000, sim.peek("io_error_addr"));
            assertEquals(image.readLong(0x1000), ddr.memory().readLong(0x1000), "before the error: written");
            assertEquals(0, ddr.memory().readLong(0x9000), "the failing burst wrote nothing");
            assertEquals(0, ddr.memory().readLong(0x10000), "nothing written after the error");
            ddr.assertNoViolations();
            assertTrue(ddr.ports().get(0).idleNow());
        }
    }

    @Test
    void mastersLintClean(@TempDir Path dir) throws Exception {
        VerilatorLint.assertClean(AxiReadMaster::new, dir.resolve("r"));
        VerilatorLint.assertClean(AxiWriteMaster::new, dir.resolve("w"));
    }

    @Test
    void threePortsShareTheDdrBandwidth() {
        SimModel three = HdlSim.compile(ThreeReaders::new);
        AxiBench.Run shared = AxiBench.read(three, 3, 64 * 1024, DdrConfig.zcu102());
        // 17.06 GB/s x 80 % at 300 MHz = 45.49 B/cycle for all ports, below 3 x 16
        assertEquals(45.49, shared.bytesPerCycle(), 1.0, "shared limit");
        AxiBench.Run wide = AxiBench.read(three, 3, 64 * 1024, DdrConfig.zcu102().withPeak(40e9, 1.0));
        assertEquals(48, wide.bytesPerCycle(), 1.0, "each port's 16 B/cycle");
        AxiBench.Run slow = AxiBench.read(three, 3, 16 * 1024, DdrConfig.zcu102().withPeak(4.8e9, 1.0));
        assertEquals(16, slow.bytesPerCycle(), 0.5, "a 16 B/cycle DDR shared by three");
    }

    @Test
    void defaultTimingIsTheBudgetDocument() {
        DdrConfig c = DdrConfig.zcu102();
        assertEquals(45.49, c.sharedBytesPerCycle(), 0.01);
        assertEquals(16, c.portBytesPerCycle());
        assertEquals(45, c.readLatency());
    }
}
