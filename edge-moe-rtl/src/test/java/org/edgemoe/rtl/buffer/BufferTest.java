package org.edgemoe.rtl.buffer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.rtl.gelu.RtlTestSupport;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AddressGen against a Java loop nest, and ActBuffer writes then reads, under random stalls, in Verilator. */
class BufferTest {
    static final int AW = 12;
    static final int CW = 10;
    static final int DEPTH = 1024;
    static final int LANES = 4;
    static final FixFormat FMT = FixFormat.sfix(8, 10);
    static SimModel gen;
    static SimModel buf;
    static SimModel list;
    static final int LIST = 32;
    static final int IW = 8;
    static final int TW = 5;

    @BeforeAll
    static void compile() {
        gen = HdlSim.compile(() -> new AddressGen(AW, CW));
        buf = HdlSim.compile(() -> new ActBuffer(DEPTH, LANES, FMT));
        list = HdlSim.compile(() -> new ListAddressGen(AW, CW, LIST, IW, TW));
    }

    /** Java reference: the addresses of one command, inner loop first. */
    static List<long[]> expected(long base, int[] n, long[] s) {
        List<long[]> out = new ArrayList<>();
        for (int i2 = 0; i2 < n[2]; i2++) {
            for (int i1 = 0; i1 < n[1]; i1++) {
                for (int i0 = 0; i0 < n[0]; i0++) {
                    long a = (base + i0 * s[0] + i1 * s[1] + i2 * s[2]) & ((1L << AW) - 1);
                    boolean last = i0 == n[0] - 1 && i1 == n[1] - 1 && i2 == n[2] - 1;
                    out.add(new long[] {a, last ? 1 : 0});
                }
            }
        }
        return out;
    }

    void runGen(long seed, double inStall, double outStall) {
        SplittableRandom r = new SplittableRandom(seed);
        try (Sim sim = gen.open()) {
            sim.reset();
            List<SimSignal> c = new ArrayList<>();
            c.add(sim.signal("io_cmd_payload_base"));
            c.addAll(RtlTestSupport.lanes(sim, "io_cmd_payload_counts", 3));
            c.addAll(RtlTestSupport.lanes(sim, "io_cmd_payload_strides", 3));
            StreamDriver drv = new StreamDriver(sim, StreamPorts.of(sim, "cmd", c), seed, inStall);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "addr",
                    List.of(sim.signal("io_addr_payload_addr"), sim.signal("io_addr_payload_last"))), seed + 1, outStall);
            List<long[]> want = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                long base = r.nextLong(1L << AW);
                int[] n = {1 + r.nextInt(k % 5 == 0 ? 1 : 7), 1 + r.nextInt(k % 7 == 0 ? 1 : 5), 1 + r.nextInt(4)};
                long[] s = {r.nextLong(1L << AW), r.nextInt(3) == 0 ? (1L << AW) - 3 : r.nextLong(64), r.nextLong(1L << AW)};
                drv.enqueue(base, n[0], n[1], n[2], s[0], s[1], s[2]);
                want.addAll(expected(base, n, s));
            }
            sim.runUntil(() -> mon.receivedCount() >= want.size(), 20L * want.size() + 200);
            sim.step(20);
            List<long[]> got = mon.beats();
            assertEquals(want.size(), got.size(), "addresses");
            for (int i = 0; i < want.size(); i++) {
                assertArrayEquals(want.get(i), got.get(i), "address " + i);
            }
            assertEquals(0, sim.peek("io_busy"));
        }
    }

    @Test
    void addressGenWalksLoopNestsBackToBack() {
        runGen(1, 0, 0);
    }

    @Test
    void addressGenUnderStalls() {
        runGen(2, 0.3, 0.4);
        runGen(3, 0.7, 0.1);
    }

    @Test
    void bufferReadsWhatWasWrittenInOrderUnderBackPressure() {
        SplittableRandom r = new SplittableRandom(7);
        try (Sim sim = buf.open()) {
            sim.reset();
            long[][] mem = new long[DEPTH][LANES];
            long mask = (1L << FMT.width()) - 1;
            List<SimSignal> wl = RtlTestSupport.lanes(sim, "io_write_payload_lanes", LANES);
            for (int a = 0; a < DEPTH; a++) {
                sim.poke("io_write_valid", 1);
                sim.poke("io_write_payload_addr", a);
                for (int k = 0; k < LANES; k++) {
                    mem[a][k] = r.nextLong(-(1L << 17), 1L << 17);
                    wl.get(k).poke(mem[a][k] & mask);
                }
                sim.step();
            }
            sim.poke("io_write_valid", 0);
            StreamDriver drv = new StreamDriver(sim, StreamPorts.of(sim, "read",
                    List.of(sim.signal("io_read_payload_addr"), sim.signal("io_read_payload_last"))), 8, 0.3);
            List<SimSignal> out = new ArrayList<>(RtlTestSupport.lanes(sim, "io_data_payload_lanes", LANES));
            out.add(sim.signal("io_data_payload_last"));
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "data", out), 9, 0.5).allSigned();
            List<long[]> want = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int a = r.nextInt(DEPTH);
                boolean last = i % 17 == 16;
                drv.enqueue(a, last ? 1 : 0);
                long[] w = new long[LANES + 1];
                System.arraycopy(mem[a], 0, w, 0, LANES);
                w[LANES] = last ? -1 : 0;   // a 1-bit field read as signed
                want.add(w);
            }
            sim.runUntil(() -> mon.receivedCount() >= want.size(), 10_000);
            sim.step(10);
            List<long[]> got = mon.beats();
            assertEquals(want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                assertArrayEquals(want.get(i), got.get(i), "word " + i);
            }
        }
    }

    @Test
    void listAddressGenGathersThroughTheListAndWalksPlainNests() {
        for (long seed = 20; seed < 23; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            try (Sim sim = list.open()) {
                sim.reset();
                long[] index = new long[LIST];
                long[] tag = new long[LIST];
                for (int p = 0; p < LIST; p++) {
                    index[p] = r.nextLong(1L << IW);
                    tag[p] = r.nextLong(1L << TW);
                    sim.poke("io_list_valid", 1);
                    sim.poke("io_list_payload_pos", p);
                    sim.poke("io_list_payload_entry_index", index[p]);
                    sim.poke("io_list_payload_entry_tag", tag[p]);
                    sim.step();
                }
                sim.poke("io_list_valid", 0);
                List<SimSignal> c = new ArrayList<>();
                c.add(sim.signal("io_cmd_payload_loops_base"));
                c.addAll(RtlTestSupport.lanes(sim, "io_cmd_payload_loops_counts", 3));
                c.addAll(RtlTestSupport.lanes(sim, "io_cmd_payload_loops_strides", 3));
                c.add(sim.signal("io_cmd_payload_indexed"));
                double stall = (seed - 20) * 0.3;
                StreamDriver drv = new StreamDriver(sim, StreamPorts.of(sim, "cmd", c), seed, stall);
                StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "addr", List.of(sim.signal("io_addr_payload_addr"),
                        sim.signal("io_addr_payload_tag"), sim.signal("io_addr_payload_last"))), seed + 1, stall);
                List<long[]> want = new ArrayList<>();
                for (int k = 0; k < 30; k++) {
                    boolean indexed = k % 2 == 0;
                    long base = r.nextLong(1L << AW);
                    int[] n = {1 + r.nextInt(LIST), 1 + r.nextInt(4), 1 + r.nextInt(3)};
                    long[] s = {1 + r.nextLong(40), r.nextLong(64), r.nextLong(1L << AW)};
                    drv.enqueue(base, n[0], n[1], n[2], s[0], s[1], s[2], indexed ? 1 : 0);
                    for (int i2 = 0; i2 < n[2]; i2++) {
                        for (int i1 = 0; i1 < n[1]; i1++) {
                            for (int i0 = 0; i0 < n[0]; i0++) {
                                long a = base + (indexed ? index[i0] : i0) * s[0] + i1 * s[1] + i2 * s[2];
                                boolean last = i0 == n[0] - 1 && i1 == n[1] - 1 && i2 == n[2] - 1;
                                want.add(new long[] {a & ((1L << AW) - 1), indexed ? tag[i0] : 0, last ? 1 : 0});
                            }
                        }
                    }
                }
                sim.runUntil(() -> mon.receivedCount() >= want.size(), 30L * want.size() + 200);
                sim.step(20);
                List<long[]> got = mon.beats();
                assertEquals(want.size(), got.size(), "addresses");
                for (int i = 0; i < want.size(); i++) {
                    assertArrayEquals(want.get(i), got.get(i), "address " + i + " (seed " + seed + ")");
                }
                assertEquals(0, sim.peek("io_busy"));
            }
        }
    }

    @Test
    void lintClean(@TempDir Path dir) throws Exception {
        RtlTestSupport.assertLintClean(() -> new AddressGen(AW, CW), dir.resolve("gen"));
        RtlTestSupport.assertLintClean(() -> new ActBuffer(DEPTH, LANES, FMT), dir.resolve("buf"));
        RtlTestSupport.assertLintClean(() -> new ListAddressGen(AW, CW, LIST, IW, TW), dir.resolve("list"));
    }
}
