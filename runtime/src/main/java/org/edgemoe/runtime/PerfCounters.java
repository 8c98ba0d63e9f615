package org.edgemoe.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accelerator's performance counters after a run (PERF_* registers, 32-bit unsigned, cleared at START):
 * cycles from START to the end, busy cycles of each unit, DDR bytes read and written, cycles a unit waited for
 * DDR, commands dispatched.
 */
public record PerfCounters(long cycles, long busyCu, long busyAttn, long busyLn, long busyRouter, long busyEmbed,
        long ddrReadBytes, long ddrWriteBytes, long ddrStall, long commands) {

    static PerfCounters read(AcceleratorBackend bus) {
        return new PerfCounters(u(bus, EdgeMoeRegs.PERF_CYCLES), u(bus, EdgeMoeRegs.PERF_BUSY_CU), u(bus, EdgeMoeRegs.PERF_BUSY_ATTN),
                u(bus, EdgeMoeRegs.PERF_BUSY_LN), u(bus, EdgeMoeRegs.PERF_BUSY_ROUTER), u(bus, EdgeMoeRegs.PERF_BUSY_EMBED),
                u(bus, EdgeMoeRegs.PERF_DDR_RD_BYTES), u(bus, EdgeMoeRegs.PERF_DDR_WR_BYTES), u(bus, EdgeMoeRegs.PERF_DDR_STALL),
                u(bus, EdgeMoeRegs.PERF_COMMANDS));
    }

    private static long u(AcceleratorBackend bus, int reg) {
        return Integer.toUnsignedLong(bus.regRead(reg));
    }

    /** The counters by register name (PERF_ dropped), in register order. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("CYCLES", cycles);
        m.put("BUSY_CU", busyCu);
        m.put("BUSY_ATTN", busyAttn);
        m.put("BUSY_LN", busyLn);
        m.put("BUSY_ROUTER", busyRouter);
        m.put("BUSY_EMBED", busyEmbed);
        m.put("DDR_RD_BYTES", ddrReadBytes);
        m.put("DDR_WR_BYTES", ddrWriteBytes);
        m.put("DDR_STALL", ddrStall);
        m.put("COMMANDS", commands);
        return m;
    }

    /** Busy fraction of a unit's counter over the run's cycles (0 for an empty run). */
    public double utilisation(long busy) {
        return cycles == 0 ? 0 : (double) busy / cycles;
    }
}
