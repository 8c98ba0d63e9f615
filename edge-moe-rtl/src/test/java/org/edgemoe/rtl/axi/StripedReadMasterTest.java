package org.edgemoe.rtl.axi;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Elaboration;
import org.edgemoe.hdl.emit.ManifestReader.Port;
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
import org.edgemoe.sim.axi.DdrConfig;
import org.edgemoe.sim.axi.DdrMemory;
import org.edgemoe.sim.axi.DdrModel;
import org.edgemoe.sim.axi.DdrPort;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The striped read master against the DDR model in Verilator, over 1 to 4 ports: random transfers (any address
 * and length, 4 KB crossings) under random stalls on every port and on the consumer, beats equal to memory with
 * {@code last} on each transfer's final beat; an error on each port reported with the failing burst's address and
 * the master drained; abort in the middle of a transfer; one port beat for beat like {@link AxiReadMaster}; the
 * emitted port names found as AXI4 buses; bandwidth on the default DDR model.
 */
class StripedReadMasterTest {
    static final Axi4Config CFG = AxiReadMaster.defaultConfig();
    static final Map<String, SimModel> MODELS = new HashMap<>();

    /** A compiled configuration, by name (each is compiled once for the whole class). */
    record Config(String name, int ports, int portWidth, int width, Supplier<StripedReadMaster> design) {
        SimModel model() {
            synchronized (MODELS) {
                return MODELS.computeIfAbsent(name, n -> HdlSim.compile(design::get));
            }
        }
    }

    static Config standard(int ports) {
        return new Config("p" + ports, ports, 128, StripedReadMaster.defaultWidth(CFG, ports), () -> new StripedReadMaster(CFG, ports));
    }

    /** Three ports, 2 bursts in flight each, a 4-beat buffer per port, 20-bit lengths: back-pressure everywhere. */
    static final Config SMALL = new Config("p3small", 3, 128, 512, () -> new StripedReadMaster(CFG, 3, 2, 20, 4, 512));
    /** Two ports, the output as wide as a port: AxiReadMaster's beat stream. */
    static final Config NARROW = new Config("p2narrow", 2, 128, 128, () -> new StripedReadMaster(CFG, 2, 4, 32, 8, 128));
    /** Two 64-bit ports (a 4 KB piece is two bursts of 256 beats), 256-bit output (four port beats per beat). */
    static final Config BUS64 = new Config("p2bus64", 2, 64, 256,
            () -> new StripedReadMaster(Axi4Config.of(32, 64, 4), 2, 4, 32, 16, 256));

    /** The beats of {@code ts} on a {@code width}-bit output: port words the transfer does not touch are zero. */
    static List<BigInteger> expected(DdrMemory m, List<Transfer> ts, int portWidth, int width) {
        int pb = portWidth / 8;
        int ratio = width / portWidth;
        List<BigInteger> out = new ArrayList<>();
        for (Transfer t : ts) {
            if (t.bytes() == 0) {
                continue;
            }
            long first = t.addr() / pb;
            long last = (t.addr() + t.bytes() - 1) / pb;
            for (long w = first / ratio; w <= last / ratio; w++) {
                BigInteger v = BigInteger.ZERO;
                for (int j = 0; j < ratio; j++) {
                    long n = w * ratio + j;
                    if (n >= first && n <= last) {
                        v = v.or(portWord(m, n, pb).shiftLeft(portWidth * j));
                    }
                }
                out.add(w == last / ratio ? v.setBit(width) : v);
            }
        }
        return out;
    }

    static BigInteger portWord(DdrMemory m, long index, int pb) {
        byte[] b = m.read(index * pb, pb);
        byte[] be = new byte[pb + 1];
        for (int i = 0; i < pb; i++) {
            be[pb - i] = b[i];
        }
        return new BigInteger(be);
    }

    static void assertBeats(List<BigInteger> want, List<BigInteger> got, int from, String what) {
        for (int k = 0; k < got.size(); k++) {
            assertEquals(want.get(from + k), got.get(k), what + ": beat " + (from + k));
        }
    }

    /** Counts the R beats the master reports ({@code io_beat}) and the cycles it reports waiting for DDR. */
    static final class Counters implements CycleAgent {
        long beats;
        long waitingCycles;
        long waitingWhileOffered;
        private final int ports;

        Counters(Sim sim, int ports) {
            this.ports = ports;
            sim.addAgent(this);
        }

        @Override
        public void drive(Sim sim, long cycle) { }

        @Override
        public void sample(Sim sim, long cycle) {
            if (sim.peek("reset") != 0) {
                return;
            }
            beats += sim.peek("io_beat");
            if (sim.peek("io_waiting") != 0) {
                waitingCycles++;
                for (int p = 0; p < ports; p++) {
                    waitingWhileOffered += sim.peek("io_axi_" + p + "_rvalid");
                }
            }
        }
    }

    static List<DdrPort> attach(Sim sim, DdrModel ddr, int ports, double stall, long seed) {
        List<DdrPort> out = new ArrayList<>();
        for (int p = 0; p < ports; p++) {
            out.add(ddr.attach(sim, "io_axi_" + p).stalls(stall, seed * 31 + p));
        }
        return out;
    }

    static void start(Sim sim) {
        sim.poke("io_clear", 0);
        sim.poke("io_abort", 0);
        sim.reset();
    }

    void randomTransfers(Config c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double stall = 0.15 * (seed % 4);
        try (Sim sim = c.model().open()) {
            DdrModel ddr = new DdrModel();
            List<DdrPort> ports = attach(sim, ddr, c.ports(), stall, seed);
            AxiMastersTest.fill(ddr.memory(), 0x10000, 90_000, seed);
            start(sim);
            Counters count = new Counters(sim, c.ports());
            List<Transfer> ts = AxiMastersTest.randomTransfers(r, 30, 0x10000);
            StreamDriver cmd = new StreamDriver(sim, "cmd", seed, stall);
            StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), seed + 1, stall);
            for (Transfer t : ts) {
                cmd.enqueue(t.addr(), t.bytes());
            }
            List<BigInteger> want = expected(ddr.memory(), ts, c.portWidth(), c.width());
            sim.runUntil(() -> data.receivedCount() >= want.size(), 3_000_000);
            sim.step(100);
            List<BigInteger> got = data.receivedBig();
            assertEquals(want.size(), got.size(), c.name() + " seed " + seed + ": beats");
            assertBeats(want, got, 0, c.name() + " seed " + seed);
            ddr.assertNoViolations();
            assertEquals(0, sim.peek("io_busy"), "idle at the end");
            assertEquals(0, sim.peek("io_error_valid"));
            assertEquals(ddr.bytesRead(), count.beats * c.portWidth() / 8, "io_beat counts every R beat");
            assertEquals(0, count.waitingWhileOffered, "waiting only while no port is offered a beat");
            assertTrue(count.waitingCycles > 0, "the read latency shows as waiting");
            for (DdrPort p : ports) {
                assertTrue(p.readBursts() >= ts.size() / c.ports(), p + " took its share of the pieces: " + p.readBursts());
            }
        }
    }

    @Test
    void randomTransfersOnOneToFourPortsUnderRandomStalls() {
        for (int n = 1; n <= 4; n++) {
            for (long seed = 1; seed <= 3; seed++) {
                randomTransfers(standard(n), seed + 10L * n);
            }
        }
    }

    @Test
    void randomTransfersWithSmallBuffersNarrowOutputAndA64BitBus() {
        for (Config c : List.of(SMALL, NARROW, BUS64)) {
            for (long seed = 1; seed <= 2; seed++) {
                randomTransfers(c, seed + 3);
            }
        }
    }

    @Test
    void onePortGivesTheBeatsOfAnAxiReadMaster() {
        SimModel reader = HdlSim.compile(() -> new AxiReadMaster());
        List<List<BigInteger>> streams = new ArrayList<>();
        for (SimModel m : List.of(reader, standard(1).model())) {
            try (Sim sim = m.open()) {
                DdrModel ddr = new DdrModel();
                ddr.attach(sim, m == reader ? "io_axi" : "io_axi_0").stalls(0.2, 4);
                AxiMastersTest.fill(ddr.memory(), 0x10000, 90_000, 4);
                sim.poke("io_clear", 0);
                sim.poke("io_abort", 0);
                sim.reset();
                List<Transfer> ts = AxiMastersTest.randomTransfers(new SplittableRandom(4), 20, 0x10000);
                StreamDriver cmd = new StreamDriver(sim, "cmd", 5, 0.2);
                StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 6, 0.2);
                for (Transfer t : ts) {
                    cmd.enqueue(t.addr(), t.bytes());
                }
                int beats = ts.stream().mapToInt(Transfer::beats).sum();
                sim.runUntil(() -> data.receivedCount() >= beats, 2_000_000);
                streams.add(data.receivedBig());
                List<BigInteger> want = expected(ddr.memory(), ts, 128, 128);
                assertEquals(want.size(), data.receivedCount(), m.top());
                assertBeats(want, data.receivedBig(), 0, m.top());
            }
        }
        assertEquals(streams.get(0).size(), streams.get(1).size());
        assertBeats(streams.get(0), streams.get(1), 0, "the same beats as AxiReadMaster");
    }

    @Test
    void anErrorOnAnyPortIsReportedAndEveryPortDrains() {
        for (int n = 1; n <= 4; n++) {
            Config c = standard(n);
            for (int e = 0; e < n; e++) {
                long base = 0x40000;
                long failing = base + 4096L * e;                   // the first transfer's piece e goes to port e
                int resp = 2 + (e % 2);
                try (Sim sim = c.model().open()) {
                    DdrModel ddr = new DdrModel().injectError(failing + 0x100, failing + 0x110, resp);
                    attach(sim, ddr, n, 0.2, e + 1);
                    AxiMastersTest.fill(ddr.memory(), base, 0x10000, 7);
                    start(sim);
                    StreamDriver cmd = new StreamDriver(sim, "cmd", 3, 0.1);
                    StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 4, 0.1);
                    Transfer t = new Transfer(base + 0x30, 4096 * (n + 2) - 0x30 + 5);
                    cmd.enqueue(t.addr(), t.bytes());
                    cmd.enqueue(base + 0x9000, 4096);               // dropped after the error
                    String what = n + " ports, error on port " + e;
                    sim.runUntil(() -> sim.peek("io_error_valid") != 0, 50_000);
                    sim.runUntil(() -> sim.peek("io_busy") == 0 && cmd.isIdle(), 50_000);
                    assertEquals(resp, sim.peek("io_error_resp"), what);
                    long burst = e == 0 ? base + 0x30 : failing;      // the failing burst's (bus-aligned) address
                    assertEquals(burst, sim.peek("io_error_addr"), what);
                    List<BigInteger> want = expected(ddr.memory(), List.of(t), 128, c.width());
                    int before = (int) ((failing - (base & -(c.width() / 8))) / (c.width() / 8));
                    int got = data.receivedCount();
                    assertTrue(got <= before, what + ": " + got + " beats delivered, the failing piece starts at beat " + before);
                    assertBeats(want, data.receivedBig(), 0, what + ", before the error");
                    sim.step(200);
                    assertEquals(got, data.receivedCount(), what + ": nothing delivered after the error");
                    for (int p = 0; p < n; p++) {
                        assertEquals(0, sim.peek("io_axi_" + p + "_arvalid"), what + ": no burst issued on port " + p);
                        assertTrue(ddr.ports().get(p).idleNow(), what + ": port " + p + " drained");
                    }
                    ddr.assertNoViolations();
                    // clear re-arms it: the next transfer is whole and correct
                    sim.poke("io_clear", 1);
                    sim.step();
                    sim.poke("io_clear", 0);
                    assertEquals(0, sim.peek("io_error_valid"));
                    Transfer next = new Transfer(base + 0xA007, 9000);
                    cmd.enqueue(next.addr(), next.bytes());
                    List<BigInteger> after = expected(ddr.memory(), List.of(next), 128, c.width());
                    sim.runUntil(() -> data.receivedCount() >= got + after.size(), 50_000);
                    sim.step(20);
                    assertEquals(got + after.size(), data.receivedCount(), what);
                    assertBeats(after, data.receivedBig().subList(got, data.receivedCount()), 0, what + ", after clear");
                    assertEquals(0, sim.peek("io_error_valid"));
                }
            }
        }
    }

    @Test
    void theFirstErrorStaysWhenALaterBurstFailsToo() {
        for (int n = 2; n <= 4; n++) {
            try (Sim sim = standard(n).model().open()) {
                // piece 1 (port 1) fails first; piece n (port 0 again) fails later, while the ports drain
                long later = 0x50000 + 4096L * n;
                DdrModel ddr = new DdrModel().injectError(0x51000, 0x51010, 2).injectError(later, later + 0x10, 3);
                attach(sim, ddr, n, 0, 1);
                start(sim);
                StreamDriver cmd = new StreamDriver(sim, "cmd", 1, 0);
                new StreamMonitor(sim, StreamPorts.of(sim, "data"), 2, 0);
                cmd.enqueue(0x50000, 4096 * (n + 1));
                sim.runUntil(() -> sim.peek("io_busy") == 0 && cmd.isIdle(), 50_000);
                assertEquals(1, sim.peek("io_error_valid"));
                assertEquals(2, sim.peek("io_error_resp"), n + " ports: the first error's response");
                assertEquals(0x51000, sim.peek("io_error_addr"), n + " ports: the first error's address");
                assertEquals(n + 1, ddr.ports().stream().mapToLong(DdrPort::readBursts).sum(), "the later burst was read (and failed)");
                ddr.assertNoViolations();
            }
        }
    }

    @Test
    void abortInTheMiddleDrainsAndTheNextTransferIsCorrect() {
        for (int n = 1; n <= 4; n++) {
            Config c = standard(n);
            for (int when : new int[] {60, 700}) {
                try (Sim sim = c.model().open()) {
                    DdrModel ddr = new DdrModel();
                    attach(sim, ddr, n, 0.25, when + n);
                    AxiMastersTest.fill(ddr.memory(), 0x80000, 0x30000, n);
                    start(sim);
                    StreamDriver cmd = new StreamDriver(sim, "cmd", 8, 0);
                    StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 9, 0.3);
                    Transfer big = new Transfer(0x80000 + 0x123, 100_000);
                    cmd.enqueue(big.addr(), big.bytes());
                    cmd.enqueue(0x80000, 5000);                      // dropped by the abort
                    String what = n + " ports, abort at cycle " + when;
                    sim.step(when);
                    assertEquals(1, sim.peek("io_busy"), what);
                    sim.poke("io_abort", 1);
                    sim.runUntil(() -> sim.peek("io_busy") == 0 && cmd.isIdle(), 50_000);
                    sim.poke("io_abort", 0);                          // released as soon as busy falls
                    int got = data.receivedCount();
                    sim.step(50);
                    assertEquals(got, data.receivedCount(), what + ": nothing delivered after the abort");
                    assertEquals(0, sim.peek("io_error_valid"), what + ": abort records no error");
                    List<BigInteger> want = expected(ddr.memory(), List.of(big), 128, c.width());
                    assertTrue(got < want.size(), what + ": stopped early");
                    assertBeats(want, data.receivedBig(), 0, what + ", before the abort");
                    for (int p = 0; p < n; p++) {
                        assertTrue(ddr.ports().get(p).idleNow(), what + ": port " + p + " drained");
                    }
                    Transfer next = new Transfer(0x80000 + 0xFF0, 3 * 4096 + 77);
                    cmd.enqueue(next.addr(), next.bytes());
                    List<BigInteger> after = expected(ddr.memory(), List.of(next), 128, c.width());
                    sim.runUntil(() -> data.receivedCount() >= got + after.size(), 50_000);
                    sim.step(20);
                    assertEquals(got + after.size(), data.receivedCount(), what);
                    assertBeats(after, data.receivedBig().subList(got, data.receivedCount()), 0, what + ", after the abort");
                    ddr.assertNoViolations();
                }
            }
        }
    }

    @Test
    void busyWhileBeatsWaitForTheConsumerAndAbortDropsThem() {
        for (int n = 1; n <= 4; n++) {
            Config c = standard(n);
            for (boolean abort : new boolean[] {false, true}) {
                try (Sim sim = c.model().open()) {
                    DdrModel ddr = new DdrModel();
                    attach(sim, ddr, n, 0, 1);
                    AxiMastersTest.fill(ddr.memory(), 0x20000, 4096 * (n + 1), n);
                    start(sim);
                    sim.poke("io_data_ready", 0);
                    StreamDriver cmd = new StreamDriver(sim, "cmd", 1, 0);
                    Transfer t = new Transfer(0x20000, 4096 * n);          // one piece per port: fits in the buffers
                    cmd.enqueue(t.addr(), t.bytes());
                    sim.runUntil(() -> ddr.bytesRead() == t.bytes(), 20_000);
                    sim.step(100);
                    String what = n + " ports" + (abort ? ", aborted" : "");
                    assertEquals(1, sim.peek("io_busy"), what + ": the beats are still buffered");
                    assertEquals(1, sim.peek("io_data_valid"), what);
                    assertEquals(0, sim.peek("io_waiting"), what + ": not waiting for DDR");
                    Transfer read = t;
                    if (abort) {
                        // every buffered beat is dropped before busy falls: the next transfer starts clean
                        sim.poke("io_abort", 1);
                        sim.runUntil(() -> sim.peek("io_busy") == 0, 1_000);
                        sim.poke("io_abort", 0);
                        read = new Transfer(0x20000 + 0x1230, 4096 * n);
                        cmd.enqueue(read.addr(), read.bytes());
                    }
                    StreamMonitor data = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 2, 0);
                    List<BigInteger> want = expected(ddr.memory(), List.of(read), 128, c.width());
                    sim.runUntil(() -> data.receivedCount() >= want.size(), 10_000);
                    sim.step(5);
                    assertBeats(want, data.receivedBig(), 0, what);
                    assertEquals(want.size(), data.receivedCount(), what);
                    assertEquals(0, sim.peek("io_busy"), what);
                }
            }
        }
    }

    @Test
    void comesOutOfResetIdleWhateverItsRegistersHeld() {
        for (Config c : List.of(standard(2), standard(3))) {
            for (int seed = 1; seed <= 3; seed++) {
                try (Sim sim = c.model().openRandomised(seed)) {
                    sim.poke("io_clear", 0);
                    sim.poke("io_abort", 0);
                    sim.poke("io_cmd_valid", 0);
                    sim.poke("io_data_ready", 0);
                    for (int p = 0; p < c.ports(); p++) {
                        sim.poke("io_axi_" + p + "_arready", 0);
                        sim.poke("io_axi_" + p + "_rvalid", 0);
                    }
                    sim.reset();
                    assertEquals(0, sim.peek("io_busy"), c.name());
                    assertEquals(0, sim.peek("io_error_valid"), c.name());
                    assertEquals(0, sim.peek("io_data_valid"), c.name());
                    assertEquals(0, sim.peek("io_beat"), c.name());
                    for (int p = 0; p < c.ports(); p++) {
                        assertEquals(0, sim.peek("io_axi_" + p + "_arvalid"), c.name());
                    }
                }
            }
        }
    }

    @Test
    void bandwidthGrowsWithThePortsUpToTheDdrLimit() {
        double[] got = new double[5];
        for (int n = 1; n <= 4; n++) {
            got[n] = AxiBench.stripedRead(standard(n).model(), n, 1 << 20, DdrConfig.zcu102()).bytesPerCycle();
        }
        // 1 MB: the first read latency and the last pieces (fewer ports busy at the end) cost a few hundred cycles
        assertEquals(16, got[1], 0.1, "one port: 16 B/cycle");
        assertEquals(32, got[2], 0.3, "two ports: 32 B/cycle");
        assertEquals(45.49, got[3], 0.6, "three ports reach the DDR's shared 45.49 B/cycle");
        assertEquals(45.49, got[4], 0.6, "four: still the DDR's limit");
        AxiBench.Run wide = AxiBench.stripedRead(standard(4).model(), 4, 1 << 20, DdrConfig.zcu102().withPeak(40e9, 1.0));
        assertEquals(64, wide.bytesPerCycle(), 1.0, "four ports on a DDR that allows 133 B/cycle: 4 x 16");
        AxiBench.Run small = AxiBench.stripedRead(SMALL.model(), 3, 1 << 18, DdrConfig.zcu102());
        assertTrue(small.bytesPerCycle() < 0.6 * got[3], "a 4-beat buffer per port cannot hide the other ports' pieces: "
                + small.bytesPerCycle());
    }

    @Test
    void portsAreNamedAxi4BusesAxi0ToAxiN(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new StripedReadMaster(CFG, 3), dir);
        Top t = ManifestFile.read(dir).top("StripedReadMaster");
        List<Bus> buses = AxiBusPorts.buses(t);
        assertEquals(List.of("axi_0", "axi_1", "axi_2"), buses.stream().map(Bus::name).toList());
        for (Bus b : buses) {
            assertEquals(AxiBusPorts.Protocol.AXI4, b.protocol());
            assertTrue(b.master());
            assertEquals("READ_ONLY", b.readWriteMode());
            assertEquals(128, b.dataWidth());
            assertEquals(32, b.addressWidth());
            assertEquals(List.of("ARVALID", "ARREADY", "ARADDR", "ARID", "ARLEN", "ARSIZE", "ARBURST", "ARLOCK", "ARCACHE", "ARQOS",
                    "ARPROT", "RVALID", "RREADY", "RDATA", "RID", "RRESP", "RLAST"), new ArrayList<>(b.portMap().keySet()));
            b.portMap().forEach((k, v) -> assertEquals("io_" + b.name() + "_" + k.toLowerCase(), v));
        }
        Map<String, Integer> widths = new HashMap<>();
        for (Port p : t.ports()) {
            widths.put(p.name(), p.width());
        }
        assertEquals(512, widths.get("io_data_payload_data"));
        assertEquals(2, widths.get("io_beat"));
        for (String s : List.of("io_cmd_valid", "io_cmd_ready", "io_cmd_payload_addr", "io_cmd_payload_bytes", "io_data_valid",
                "io_data_ready", "io_data_payload_last", "io_error_valid", "io_error_resp", "io_error_addr", "io_clear", "io_abort",
                "io_busy", "io_waiting")) {
            assertTrue(widths.containsKey(s), s + " in " + widths.keySet());
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new StripedReadMaster(CFG, 1), dir.resolve("p1"));
        RtlTestSupport.assertLintClean(() -> new StripedReadMaster(CFG, 4), dir.resolve("p4"));
        RtlTestSupport.assertLintClean(SMALL.design()::get, dir.resolve("small"));
        RtlTestSupport.assertLintClean(NARROW.design()::get, dir.resolve("narrow"));
        RtlTestSupport.assertLintClean(BUS64.design()::get, dir.resolve("bus64"));
        RtlTestSupport.assertLintClean(() -> new StripedReadMaster(CFG, 5), dir.resolve("p5"));
    }

    @Test
    void badParametersAreRefusedWithTheReason() {
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> Elaboration.elaborate(() -> new StripedReadMaster(CFG, 0)));
        assertTrue(p.getMessage().contains("ports must be 1..16"), p.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> Elaboration.elaborate(() -> new StripedReadMaster(CFG, 3, 8, 32, 16, 384)));
        assertTrue(w.getMessage().contains("384"), w.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> Elaboration.elaborate(() -> new StripedReadMaster(CFG, 2, 8, 32, 1, 256)));
        assertTrue(b.getMessage().contains("buffer depth"), b.getMessage());
    }
}
