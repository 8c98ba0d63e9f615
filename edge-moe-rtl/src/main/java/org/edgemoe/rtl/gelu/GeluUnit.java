package org.edgemoe.rtl.gelu;

import static org.edgemoe.hdl.core.Hdl.*;

import java.util.ArrayList;
import java.util.List;
import org.edgemoe.hdl.core.Bool;
import org.edgemoe.hdl.core.Fix;
import org.edgemoe.hdl.core.Module;
import org.edgemoe.hdl.core.Vec;
import org.edgemoe.hdl.lib.Stream;
import org.edgemoe.hdl.fixed.FixFormat;
import org.edgemoe.model.hw.Formats;

/**
 * A stream of {@code lanes} values per beat through {@code lanes} pipelined {@link GeluLane}s,
 * bit-exact to {@code HwOps.gelu(x, in, out, f)}. One beat per cycle; latency 2 cycles; stalls every
 * stage while the output is valid and not ready (input ready = !output.valid || output.ready).
 *
 * <p>Ports: {@code io_input_valid/ready}, {@code io_input_payload_<k>} (k = 0..lanes-1, raw input
 * format), {@code io_output_valid/ready}, {@code io_output_payload_<k>} (raw output format).
 */
public final class GeluUnit extends Module {
    public final Stream<Vec<Fix>> input;
    public final Stream<Vec<Fix>> output;
    public final List<GeluLane> lane = new ArrayList<>();

    /** Default: dsp18 profile, 16 lanes (the compute unit's 16 columns). */
    public GeluUnit() {
        this(Formats.dsp18(), 16);
    }

    /** The profile's act format in and out, the published table. */
    public GeluUnit(Formats f, int lanes) {
        this(f, f.act(), f.act(), lanes, GeluTable.published());
    }

    public GeluUnit(Formats f, FixFormat inFormat, FixFormat outFormat, int lanes, GeluTable table) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, got " + lanes);
        }
        param("PROFILE", f.name());
        param("LANES", lanes);
        param("IN", inFormat.toString());
        param("OUT", outFormat.toString());
        input = slave(new Stream<>(Vec(lanes, Fix(inFormat))));
        output = master(new Stream<>(Vec(lanes, Fix(outFormat))));

        Bool v1 = reg(Bool()).init(false).named("valid1");
        Bool v2 = reg(Bool()).init(false).named("valid2");
        Bool advance = v2.not().or(output.ready).named("advance");
        when(advance, () -> {
            v1.set(input.valid);
            v2.set(v1);
        });
        input.ready.set(advance);
        output.valid.set(v2);
        for (int k = 0; k < lanes; k++) {
            GeluLane l = instance(new GeluLane(f, inFormat, outFormat, table, true));
            l.x.set(input.payload.get(k));
            l.en.set(advance);
            output.payload.get(k).set(l.y);
            lane.add(l);
        }
    }

    /** Cycles from an input transfer to its output being valid (without stalls). */
    public static int latency() {
        return GeluLane.LATENCY;
    }
}
