package org.edgemoe.sim.stream;

import org.edgemoe.sim.Sim;
import org.edgemoe.sim.Signal;

/**
 * The three signals of a valid/ready stream, found by SpinalHDL naming:
 * {@code io_<name>_valid}, {@code io_<name>_ready}, {@code io_<name>_payload}.
 */
public record StreamPorts(String name, Signal valid, Signal ready, Signal payload) {

    /** {@code name} may be given with or without the {@code io_} prefix. */
    public static StreamPorts of(Sim sim, String name) {
        String base = name.startsWith("io_") ? name : "io_" + name;
        return new StreamPorts(base, sim.signal(base + "_valid"), sim.signal(base + "_ready"),
            sim.signal(base + "_payload"));
    }
}
