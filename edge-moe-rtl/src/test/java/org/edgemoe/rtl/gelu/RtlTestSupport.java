package org.edgemoe.rtl.gelu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.sim.Sim;
import org.edgemoe.sim.SimSignal;
import org.edgemoe.sim.stream.StreamPorts;
import org.edgemoe.rtl.testing.VerilatorLint;

/**
 * Shared test helpers of the RTL blocks: lane lists and a Verilator lint check. Stream agents are
 * the testbench's {@link org.edgemoe.sim.stream.StreamDriver} and {@link org.edgemoe.sim.stream.StreamMonitor}.
 */
public final class RtlTestSupport {
    private RtlTestSupport() { }

    /** Emits {@code design} into {@code dir} and runs {@code verilator --lint-only -Wall}; fails on any output. */
    public static EmittedDesign assertLintClean(Supplier<? extends Module> design, Path dir) throws IOException, InterruptedException {
        return VerilatorLint.assertClean(design, dir);
    }

    /** Signals {@code io_<stream>_payload_0 .. _<n-1>}. */
    public static List<SimSignal> lanes(Sim sim, String prefix, int n) {
        return StreamPorts.lanes(sim, prefix, n);
    }

    public static long mask(long v, int width) {
        return width >= 64 ? v : v & ((1L << width) - 1);
    }

    public static boolean[] allSigned(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }
}
