package org.edgemoe.rtl.axi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimModel;
import org.edgemoe.sim.axi.DdrConfig;
import org.edgemoe.sim.axi.DdrModel;
import org.edgemoe.sim.stream.StreamDriver;
import org.edgemoe.sim.stream.StreamMonitor;
import org.edgemoe.sim.stream.StreamPorts;

/**
 * {@code BENCH axi.*}: the read master's efficiency on one port (beats per cycle over a 1 MB read), the bytes per
 * cycle three masters get from the shared DDR model, the bytes per cycle of one 1 MB transfer through a
 * {@link StripedReadMaster} over 1, 2, 3 and 4 ports of the default DDR model, and the simulation speed of master +
 * model (cycles per CPU second of the simulating thread, the DDR model's Java agent included).
 */
public final class AxiBench {
    private AxiBench() { }

    /** Bytes per cycle and cycles of {@code ports} masters each reading {@code bytes}. */
    public record Run(double bytesPerCycle, long cycles, double cyclesPerCpuSecond) { }

    public static Run read(SimModel model, int ports, int bytes, DdrConfig cfg) {
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        try (Sim sim = model.open()) {
            DdrModel ddr = new DdrModel(cfg);
            List<StreamMonitor> mons = new ArrayList<>();
            if (ports == 1) {
                sim.poke("io_clear", 0);
            }
            sim.reset();                       // before the drivers: a transfer offered during reset would be taken
            for (int i = 0; i < ports; i++) {
                String s = ports == 1 ? "" : "_" + i;
                ddr.attach(sim, "io_axi" + s);
                StreamDriver d = new StreamDriver(sim, "cmd" + s, i, 0);
                d.enqueue(0x100000L * (i + 1), bytes);
                mons.add(new StreamMonitor(sim, StreamPorts.of(sim, "data" + s), 10 + i, 0));
            }
            long t0 = tb.getCurrentThreadCpuTime();
            long c0 = sim.cycle();
            sim.runUntil(() -> mons.stream().allMatch(m -> m.receivedCount() >= bytes / 16), 50_000_000);
            long cycles = sim.cycle() - c0;
            double cpu = (tb.getCurrentThreadCpuTime() - t0) / 1e9;
            ddr.assertNoViolations();
            return new Run(ddr.bytesRead() / (double) cycles, cycles, cycles / cpu);
        }
    }

    /** The default striped master over {@code ports} ports (as the bench and the tests build it). */
    public static SimModel striped(int ports) {
        return HdlSim.compile(() -> new StripedReadMaster(AxiReadMaster.defaultConfig(), ports));
    }

    /**
     * One transfer of {@code bytes} from 1 MB through a striped master's {@code ports} ports on a DDR model of
     * {@code cfg}: bytes per cycle from the command to the last beat (the first read latency included).
     */
    public static Run stripedRead(SimModel model, int ports, int bytes, DdrConfig cfg) {
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        try (Sim sim = model.open()) {
            DdrModel ddr = new DdrModel(cfg);
            for (int p = 0; p < ports; p++) {
                ddr.attach(sim, "io_axi_" + p);
            }
            sim.poke("io_clear", 0);
            sim.poke("io_abort", 0);
            sim.reset();
            StreamDriver d = new StreamDriver(sim, "cmd", 1, 0);
            StreamMonitor mon = new StreamMonitor(sim, StreamPorts.of(sim, "data"), 2, 0);
            int beatBytes = sim.signal("io_data_payload_data").width() / 8;
            d.enqueue(0x100000L, bytes);
            long t0 = tb.getCurrentThreadCpuTime();
            long c0 = sim.cycle();
            sim.runUntil(() -> mon.receivedCount() >= bytes / beatBytes, 50_000_000);
            long cycles = sim.cycle() - c0;
            double cpu = (tb.getCurrentThreadCpuTime() - t0) / 1e9;
            ddr.assertNoViolations();
            if (ddr.bytesRead() != bytes) {
                throw new AssertionError("DDR read " + ddr.bytesRead() + " bytes for a " + bytes + "-byte transfer");
            }
            return new Run(bytes / (double) cycles, cycles, cycles / cpu);
        }
    }

    public static void print() {
        SimModel one = HdlSim.compile(() -> new AxiReadMaster());
        SimModel three = HdlSim.compile(ThreeReaders::new);
        Run r1 = read(one, 1, 1 << 20, DdrConfig.zcu102());
        System.out.printf("BENCH axi.read.efficiency %.4f beats/cycle%n", r1.bytesPerCycle() / 16);
        System.out.printf("BENCH axi.sim.cycles_per_s %.0f cycles/s%n", r1.cyclesPerCpuSecond());
        Run r3 = read(three, 3, 1 << 19, DdrConfig.zcu102());
        System.out.printf("BENCH axi.ddr.three_ports %.2f bytes/cycle%n", r3.bytesPerCycle());
        System.out.printf("BENCH axi.ddr.three_ports_gbps %.2f GB/s%n", r3.bytesPerCycle() * DdrConfig.PL_CLOCK_HZ / 1e9);
        System.out.printf("BENCH axi.sim.three_ports.cycles_per_s %.0f cycles/s%n", r3.cyclesPerCpuSecond());
        List<Run> striped = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            striped.add(stripedRead(striped(p), p, 1 << 20, DdrConfig.zcu102()));
        }
        for (int p = 1; p <= 4; p++) {
            System.out.printf("BENCH axi.striped.read.bytes_per_cycle.p%d %.2f bytes/cycle%n", p, striped.get(p - 1).bytesPerCycle());
        }
        System.out.printf("BENCH axi.sim.striped.p4.cycles_per_s %.0f cycles/s%n", striped.get(3).cyclesPerCpuSecond());
    }

    public static void main(String[] args) {
        print();
    }
}
