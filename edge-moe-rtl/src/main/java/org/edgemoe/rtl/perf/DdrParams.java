package org.edgemoe.rtl.perf;

/**
 * The DDR side as the performance model and the full-system simulation's DDR model see it. Defaults
 * (accelerator-budget.md, "The board"): ZCU102 PS DDR4-2133 x64, 17.06 GB/s peak (2133 MT/s x 8 bytes),
 * 80 % of it sustained, S_AXI_HP ports of 128 bits (16 bytes per PL cycle each), about 150 ns from read
 * address to first data (45 cycles at 300 MHz), PL clock 300 MHz.
 */
public record DdrParams(double peakGBps, double sustainedFraction, int ports, int portBytesPerCycle, int readLatencyCycles,
                        double clockMHz) {

    public DdrParams {
        if (peakGBps <= 0 || sustainedFraction <= 0 || sustainedFraction > 1 || ports < 1 || portBytesPerCycle < 1
                || readLatencyCycles < 0 || clockMHz <= 0) {
            throw new IllegalArgumentException("DDR parameters out of range: " + peakGBps + " GB/s, " + sustainedFraction
                    + ", " + ports + " ports x " + portBytesPerCycle + " B, latency " + readLatencyCycles + ", " + clockMHz + " MHz");
        }
    }

    public static DdrParams zcu102(int ports) {
        return new DdrParams(17.06, 0.8, ports, 16, 45, 300.0);
    }

    /** Sustained bytes per PL cycle: the DDR's sustained rate, or the ports' total if that is lower. */
    public double bytesPerCycle() {
        double ddr = peakGBps * 1e9 * sustainedFraction / (clockMHz * 1e6);
        return Math.min(ddr, (double) ports * portBytesPerCycle);
    }

    public double msPerCycle() {
        return 1e-3 / clockMHz;
    }

    @Override
    public String toString() {
        return String.format("%.2f GB/s peak x %.0f %%, %d ports x %d B/cycle, %d cycles read latency, %.0f MHz", peakGBps,
                sustainedFraction * 100, ports, portBytesPerCycle, readLatencyCycles, clockMHz);
    }
}
