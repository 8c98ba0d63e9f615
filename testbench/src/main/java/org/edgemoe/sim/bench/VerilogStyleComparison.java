package org.edgemoe.sim.bench;

import org.edgemoe.hdl.examples.SystolicArray;
import org.edgemoe.sim.HdlSim;
import org.edgemoe.sim.VerilogSources;

/**
 * verilog_style.speed_ratio: the plain C++ loop over hdl-core's emitted benchmark design against the same
 * loop over the flat hand-written form, measured side by side in one run.
 */
final class VerilogStyleComparison {
    private VerilogStyleComparison() { }

    static void print(int n, long cycles, ThroughputResult flat) {
        VerilogSources emitted = HdlSim.emit(() -> new SystolicArray(n));
        ThroughputResult ours = SimBench.measure(emitted, cycles);
        SimBench.print("verilog_style.emitted.cpp.cycles_per_s", ours.cpp(), "cycles/s");
        SimBench.print("verilog_style.flat.cpp.cycles_per_s", flat.cpp(), "cycles/s");
        SimBench.print("verilog_style.speed_ratio", ours.cpp() / flat.cpp(), "ratio");
    }
}
