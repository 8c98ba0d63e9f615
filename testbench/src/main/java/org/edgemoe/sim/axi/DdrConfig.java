package org.edgemoe.sim.axi;

/**
 * Timing of the {@link DdrModel}, per clock cycle of the design. Defaults (docs/accelerator.md, from
 * ../shared/docs/accelerator-budget.md): the ZCU102's 64-bit DDR4-2133 gives 17.06 GB/s peak, of which 80 %
 * is sustained; the PL clock is 300 MHz; an S_AXI_HP port carries at most 128 bits (16 bytes) a cycle; about
 * 150 ns (45 cycles) pass from read address to first data. The write response latency is not in the budget
 * document: 20 cycles is an assumption (the controller acknowledges posted writes before they reach DRAM).
 *
 * @param peakBytesPerSecond  DRAM peak bandwidth shared by all ports
 * @param efficiency          sustained fraction of the peak (refresh, bank conflicts, turnarounds)
 * @param clockHz             the design's clock
 * @param portBytesPerCycle   the most one port moves in a cycle (its data width)
 * @param readLatency         cycles from the AR handshake to the first R beat being offered
 * @param writeLatency        cycles from the last W beat to the B response being offered
 * @param maxOutstanding      AR (and AW) requests a port accepts before it stops asserting ARREADY (AWREADY)
 */
public record DdrConfig(double peakBytesPerSecond, double efficiency, double clockHz, int portBytesPerCycle,
        int readLatency, int writeLatency, int maxOutstanding) {

    public static final double ZCU102_PEAK_BYTES_PER_S = 17.06e9;
    public static final double SUSTAINED = 0.80;
    public static final double PL_CLOCK_HZ = 300e6;
    public static final int HP_PORT_BYTES = 16;
    public static final int READ_LATENCY_CYCLES = 45;
    public static final int WRITE_LATENCY_CYCLES = 20;
    public static final int MAX_OUTSTANDING = 16;

    public DdrConfig {
        if (peakBytesPerSecond <= 0 || efficiency <= 0 || efficiency > 1 || clockHz <= 0) {
            throw new IllegalArgumentException("DDR model: peak " + peakBytesPerSecond + " B/s, efficiency " + efficiency
                    + ", clock " + clockHz + " Hz: all must be positive, efficiency at most 1");
        }
        if (portBytesPerCycle < 1 || readLatency < 1 || writeLatency < 1 || maxOutstanding < 1) {
            throw new IllegalArgumentException("DDR model: port bytes/cycle, latencies and outstanding requests must be >= 1");
        }
    }

    /** The budget document's ZCU102 figures. */
    public static DdrConfig zcu102() {
        return new DdrConfig(ZCU102_PEAK_BYTES_PER_S, SUSTAINED, PL_CLOCK_HZ, HP_PORT_BYTES, READ_LATENCY_CYCLES,
                WRITE_LATENCY_CYCLES, MAX_OUTSTANDING);
    }

    /** Sustained bytes per clock cycle, shared by all ports (45.49 with the defaults). */
    public double sharedBytesPerCycle() {
        return peakBytesPerSecond * efficiency / clockHz;
    }

    public DdrConfig withReadLatency(int cycles) {
        return new DdrConfig(peakBytesPerSecond, efficiency, clockHz, portBytesPerCycle, cycles, writeLatency, maxOutstanding);
    }

    public DdrConfig withPortBytesPerCycle(int bytes) {
        return new DdrConfig(peakBytesPerSecond, efficiency, clockHz, bytes, readLatency, writeLatency, maxOutstanding);
    }

    public DdrConfig withPeak(double bytesPerSecond, double sustained) {
        return new DdrConfig(bytesPerSecond, sustained, clockHz, portBytesPerCycle, readLatency, writeLatency, maxOutstanding);
    }

    public DdrConfig withMaxOutstanding(int n) {
        return new DdrConfig(peakBytesPerSecond, efficiency, clockHz, portBytesPerCycle, readLatency, writeLatency, n);
    }

    /** One line for reports: every value the model ran with. */
    public String describe() {
        return String.format("peak %.2f GB/s x %.0f %% at %.0f MHz = %.2f B/cycle shared, %d B/cycle/port, read latency %d, "
                        + "write response latency %d, %d outstanding", peakBytesPerSecond / 1e9, efficiency * 100, clockHz / 1e6,
                sharedBytesPerCycle(), portBytesPerCycle, readLatency, writeLatency, maxOutstanding);
    }
}
