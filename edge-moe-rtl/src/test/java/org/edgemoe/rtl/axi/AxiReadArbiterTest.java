package org.edgemoe.rtl.axi;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.ManifestReader.Top;
import org.edgemoe.hdl.lib.axi.Axi4Config;
import org.edgemoe.rtl.axi.AxiMastersTest.Transfer;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.rtl.synth.AxiBusPorts;
import org.edgemoe.rtl.synth.AxiBusPorts.Bus;
import org.edgemoe.rtl.synth.ManifestFile;
import org.edgemoe.sim.CycleAgent;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.axi.DdrModel;
import org.edgemoe.sim.axi.DdrPort;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read arbiter in Verilator: read masters sharing one DDR port ({@link SharedReaders}) under random stalls on
 * the DDR and on every consumer, each requester's beats equal to memory and with its own RID; a requester that
 * stops reading does not hold the others (the shared R channel never waits); round-robin shares of the port.
 */
class AxiReadArbiterTest {
    static final Map<String, SimModel> MODELS = new HashMap<>();

    static SimModel shared(int k, int outstanding) {
        return shared(k, outstanding, 512);
    }

    static SimModel shared(int k, int outstanding, int buffer) {
        synchronized (MODELS) {
            return MODELS.computeIfAbsent(k + "x" + outstanding + "x" + buffer,
                    n -> HdlSim.compile(() -> new SharedReaders(k, outstanding, buffer)));
        }
    }

    /** Checks every cycle that the shared port's bursts carry ARID 0. */
    static final class ArIdCheck implements CycleAgent {
        long bursts;
        String bad;

        ArIdCheck(Sim sim) {
            sim.addAgent(this);
        }

        @Override
        public void drive(Sim sim, long cycle) { }

        @Override
        public void sample(Sim sim, long cycle) {
            if (sim.peek("reset") == 0 && sim.peek("io_axi_arvalid") != 0 && sim.peek("io_axi_arready") != 0) {
                bursts++;
                if (sim.peek("io_axi_arid") != 0 && bad == null) {
                    bad = "cycle " + cycle + ": ARID " + sim.peek("io_axi_arid");
                }
            }
        }
    }

    static List<BigInteger> expected(DdrModel ddr, List<Transfer> ts) {
        return StripedReadMasterTest.expected(ddr.memory(), ts, 128, 128);
    }

    static void start(Sim sim) {
        sim.reset();
    }

    void randomTraffic(int k, int outstanding, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double stall = 0.2 * (seed % 3);
        try (Sim sim = shared(k, outstanding).open()) {
            DdrModel ddr = new DdrModel();
            DdrPort port = ddr.attach(sim, "io_axi").stalls(stall, seed);
            AxiMastersTest.fill(ddr.memory(), 0, 0x100000, seed);
            start(sim);
            ArIdCheck ids = new ArIdCheck(sim);
            List<StreamMonitor> mons = new ArrayList<>();
            List<List<BigInteger>> want = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                StreamDriver cmd = new StreamDriver(sim, "cmd_" + i, seed * 7 + i, stall);
                mons.add(new StreamMonitor(sim, StreamPorts.of(sim, "data_" + i), seed * 11 + i, stall * (i + 1) / k));
                List<Transfer> ts = AxiMastersTest.randomTransfers(r, 12, 0x40000L * i);
                for (Transfer t : ts) {
                    cmd.enqueue(t.addr(), t.bytes());
                }
                want.add(expected(ddr, ts));
            }
            sim.runUntil(() -> {
                for (int i = 0; i < k; i++) {
                    if (mons.get(i).receivedCount() < want.get(i).size()) {
                        return false;
                    }
                }
                return true;
            }, 3_000_000);
            sim.step(100);
            for (int i = 0; i < k; i++) {
                String what = k + " requesters, seed " + seed + ", requester " + i;
                assertEquals(want.get(i).size(), mons.get(i).receivedCount(), what);
                StripedReadMasterTest.assertBeats(want.get(i), mons.get(i).receivedBig(), 0, what);
                assertEquals(0, sim.peek("io_idError_" + i), what + ": R beats came back with the requester's ARID");
            }
            assertNull(ids.bad, "the shared port's ARID");
            assertEquals(ids.bursts, port.readBursts());
            assertEquals(0, port.rBackpressureCycles(), "the shared R channel never waits on a requester");
            ddr.assertNoViolations();
            assertTrue(port.idleNow());
        }
    }

    @Test
    void everyRequesterGetsItsOwnBeatsUnderRandomStalls() {
        for (int k = 1; k <= 3; k++) {
            for (long seed = 1; seed <= 3; seed++) {
                randomTraffic(k, 8, seed + 10L * k);
            }
        }
        randomTraffic(3, 2, 5);      // two bursts in flight: the grant queue fills
    }

    @Test
    void aRequesterThatStopsReadingDoesNotHoldTheOthers() {
        try (Sim sim = shared(2, 8).open()) {
            DdrModel ddr = new DdrModel();
            DdrPort port = ddr.attach(sim, "io_axi").stalls(0.1, 3);
            AxiMastersTest.fill(ddr.memory(), 0, 0x100000, 3);
            start(sim);
            sim.poke("io_data_0_ready", 0);                          // requester 0 never reads, for now
            StreamDriver cmd0 = new StreamDriver(sim, "cmd_0", 1, 0);
            StreamDriver cmd1 = new StreamDriver(sim, "cmd_1", 2, 0.1);
            StreamMonitor data1 = new StreamMonitor(sim, StreamPorts.of(sim, "data_1"), 3, 0.1);
            Transfer big = new Transfer(0x10000, 64 * 1024);
            cmd0.enqueue(big.addr(), big.bytes());
            List<Transfer> ts = AxiMastersTest.randomTransfers(new SplittableRandom(9), 15, 0x80000);
            for (Transfer t : ts) {
                cmd1.enqueue(t.addr(), t.bytes());
            }
            List<BigInteger> want1 = expected(ddr, ts);
            sim.runUntil(() -> data1.receivedCount() >= want1.size(), 500_000);
            StripedReadMasterTest.assertBeats(want1, data1.receivedBig(), 0, "requester 1 beside a stalled requester 0");
            assertEquals(0, port.rBackpressureCycles(), "the shared R channel never waited");
            // requester 0 holds what its buffers reserve, no more: its master's 16 beats and two 256-beat bursts
            long read0 = port.bytesRead() - want1.size() * 16L;
            assertTrue(read0 <= (16 + 512 + 2) * 16, "requester 0's bursts wait for room: " + read0 + " bytes read for it");
            StreamMonitor data0 = new StreamMonitor(sim, StreamPorts.of(sim, "data_0"), 4, 0.2);
            List<BigInteger> want0 = expected(ddr, List.of(big));
            sim.runUntil(() -> data0.receivedCount() >= want0.size(), 500_000);
            StripedReadMasterTest.assertBeats(want0, data0.receivedBig(), 0, "requester 0 once it reads");
            ddr.assertNoViolations();
        }
    }

    @Test
    void roundRobinSharesThePort() {
        roundRobin(2, 8, 256 * 1024);
        roundRobin(3, 2, 128 * 1024);       // a 2-burst grant queue: every free slot is contested by all three
    }

    @Test
    void aBackgroundRequesterGetsOnlyWhatInputZeroLeaves() {
        SimModel model;
        synchronized (MODELS) {
            model = MODELS.computeIfAbsent("background", n -> HdlSim.compile(
                    () -> new SharedReaders(2, 8, 512, org.edgemoe.hdl.lib.StreamArbiter.Policy.LOWEST_INDEX_FIRST, 0)));
        }
        int beats = 128 * 1024 / 16;
        // both stream at once: input 0 keeps the port; input 1 has at most the bursts granted before input 0's first
        for (double stall0 : new double[] {0, 0.9}) {
            try (Sim sim = model.open()) {
                DdrModel ddr = new DdrModel();
                ddr.attach(sim, "io_axi");
                start(sim);
                List<StreamMonitor> mons = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    new StreamDriver(sim, "cmd_" + i, i, 0).enqueue(0x100000L * (i + 1), 128 * 1024);
                    mons.add(new StreamMonitor(sim, StreamPorts.of(sim, "data_" + i), 20 + i, i == 0 ? stall0 : 0));
                }
                if (stall0 == 0) {
                    long c0 = sim.cycle();
                    sim.runUntil(() -> mons.get(0).receivedCount() >= beats, 200_000);
                    assertTrue(mons.get(1).receivedCount() <= 2 * 256, "input 1 waited: " + mons.get(1).receivedCount() + " beats");
                    assertEquals(16, beats * 16.0 / (sim.cycle() - c0), 1.0, "input 0 at the port's rate");
                } else {
                    // input 0 reads slowly: its R buffer full, nothing of its own in flight, input 1 takes the port
                    sim.runUntil(() -> mons.get(1).receivedCount() >= beats, 400_000);
                    assertTrue(mons.get(0).receivedCount() < beats / 2, "input 1 done first: input 0 at " + mons.get(0).receivedCount());
                }
                sim.runUntil(() -> mons.stream().allMatch(m -> m.receivedCount() >= beats), 2_000_000);
                ddr.assertNoViolations();
            }
        }
    }

    @Test
    void aLoneRequesterStreamsWithTwoBurstsOfBuffer() {
        assertEquals(16, alone(512), 0.1, "two 256-beat bursts of R buffer: the next burst is asked for while one arrives");
        assertTrue(alone(256) < 14, "one burst of buffer: a read latency after each burst");
    }

    static double alone(int buffer) {
        try (Sim sim = shared(1, 8, buffer).open()) {
            DdrModel ddr = new DdrModel();
            ddr.attach(sim, "io_axi");
            start(sim);
            StreamDriver d = new StreamDriver(sim, "cmd_0", 1, 0);
            d.enqueue(0x100000L, 256 * 1024);
            StreamMonitor m = new StreamMonitor(sim, StreamPorts.of(sim, "data_0"), 2, 0);
            long c0 = sim.cycle();
            sim.runUntil(() -> m.receivedCount() >= 256 * 1024 / 16, 200_000);
            ddr.assertNoViolations();
            return ddr.bytesRead() / (double) (sim.cycle() - c0);
        }
    }

    void roundRobin(int k, int outstanding, int bytes) {
        try (Sim sim = shared(k, outstanding).open()) {
            DdrModel ddr = new DdrModel();
            ddr.attach(sim, "io_axi");
            start(sim);
            List<StreamMonitor> mons = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                StreamDriver d = new StreamDriver(sim, "cmd_" + i, i, 0);
                d.enqueue(0x100000L * (i + 1), bytes);
                mons.add(new StreamMonitor(sim, StreamPorts.of(sim, "data_" + i), 10 + i, 0));
            }
            long c0 = sim.cycle();
            int beats = bytes / 16;
            sim.runUntil(() -> mons.stream().anyMatch(m -> m.receivedCount() >= beats), 200_000);
            int behind = mons.stream().mapToInt(StreamMonitor::receivedCount).min().orElseThrow();
            assertTrue(behind >= beats - 2 * 256, k + " requesters: whole bursts in turn, the last is at most two bursts behind: "
                    + behind + " of " + beats);
            sim.runUntil(() -> mons.stream().allMatch(m -> m.receivedCount() >= beats), 200_000);
            double perCycle = ddr.bytesRead() / (double) (sim.cycle() - c0);
            assertEquals(16, perCycle, 0.2, "the shared port stays busy");
            ddr.assertNoViolations();
        }
    }

    @Test
    void comesOutOfResetIdleWhateverItsRegistersHeld() {
        for (int seed = 1; seed <= 3; seed++) {
            try (Sim sim = shared(3, 8).openRandomised(seed)) {
                for (int i = 0; i < 3; i++) {
                    sim.poke("io_cmd_" + i + "_valid", 0);
                    sim.poke("io_data_" + i + "_ready", 0);
                }
                sim.poke("io_axi_arready", 0);
                sim.poke("io_axi_rvalid", 0);
                sim.reset();
                assertEquals(0, sim.peek("io_axi_arvalid"));
                assertEquals(0, sim.peek("io_axi_rready"), "no burst outstanding");
                for (int i = 0; i < 3; i++) {
                    assertEquals(0, sim.peek("io_data_" + i + "_valid"));
                    assertEquals(0, sim.peek("io_idError_" + i));
                }
            }
        }
    }

    @Test
    void portsAreNamedAxi4Buses(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new AxiReadArbiter(AxiReadMaster.defaultConfig(), 2), dir);
        Top t = ManifestFile.read(dir).top("AxiReadArbiter");
        List<Bus> buses = AxiBusPorts.buses(t);
        assertEquals(List.of("inputs_0", "inputs_1", "output"), buses.stream().map(Bus::name).toList());
        assertFalse(buses.get(0).master());
        assertFalse(buses.get(1).master());
        assertTrue(buses.get(2).master());
        for (Bus b : buses) {
            assertEquals("READ_ONLY", b.readWriteMode());
            assertEquals("io_" + b.name() + "_arvalid", b.portMap().get("ARVALID"));
            assertEquals("io_" + b.name() + "_rlast", b.portMap().get("RLAST"));
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        Axi4Config cfg = AxiReadMaster.defaultConfig();
        RtlTestSupport.assertLintClean(() -> new AxiReadArbiter(cfg, 1), dir.resolve("k1"));
        RtlTestSupport.assertLintClean(() -> new AxiReadArbiter(cfg, 3, 2, 300), dir.resolve("k3"));
        RtlTestSupport.assertLintClean(() -> new AxiReadArbiter(new Axi4Config(32, 256, 0, false, false, false, false, false, 0), 2),
                dir.resolve("noid"));
        RtlTestSupport.assertLintClean(() -> new AxiReadArbiter(Axi4Config.of(40, 1024, 6), 5), dir.resolve("wide"));
    }

    @Test
    void aBufferSmallerThanTheLargestBurstIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Elaboration.elaborate(() -> new AxiReadArbiter(AxiReadMaster.defaultConfig(), 2, 8, 255)));
        assertTrue(e.getMessage().contains("255") && e.getMessage().contains("256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Elaboration.elaborate(() -> new AxiReadArbiter(AxiReadMaster.defaultConfig(), 0)));
    }
}
